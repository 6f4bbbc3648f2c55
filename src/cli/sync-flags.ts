// The flags of plan and sync, named like the action's inputs. They live apart
// from the sync command so that parsing a command line loads nothing of Octokit.
export const SYNC_FLAGS = [
  'repo',
  'path',
  'badge',
  'label',
  'branch',
  'conflict',
  'commit-message',
  'commit',
  'sync-titles',
  'milestones',
  'max-writes',
  'config'
]
