// The action's entry point, as action.yml names it (dist/index.js).
import * as core from '@actions/core'

core.setFailed('goals-sync: the action is not implemented yet; only the command line works in this version.')
