// The emulator's secondary limits, on an explicit clock: 80 creations a minute, 500 an hour.
import { describe, expect, it } from 'vitest'
import { SecondaryLimits } from '../../test-support/emulator/secondary-limits.ts'

describe('secondary limits', () => {
  it('refuses the 81st creation within a minute, with retry-after until the first leaves it', () => {
    const limits = new SecondaryLimits(1)
    for (let n = 0; n < 80; n++) limits.count('a', n * 100) // 80 in 7.9 s
    expect(limits.refuse('b', 8_000)).toBeUndefined() // per account
    const refused = limits.refuse('a', 8_000)
    expect(refused?.status).toBe(403)
    expect(refused?.headers).toEqual({ 'retry-after': '52' }) // the first leaves at 60 s
    expect(limits.refuse('a', 59_999)?.status).toBe(403)
    expect(limits.refuse('a', 60_000)).toBeUndefined()
  })

  it('refuses the 501st creation within an hour', () => {
    const limits = new SecondaryLimits(1)
    for (let n = 0; n < 500; n++) limits.count('a', n * 7_000) // 500 in 3,493 s, 9 a minute
    expect(limits.refuse('a', 3_500_000)?.headers).toEqual({ 'retry-after': '100' })
    expect(limits.refuse('a', 3_600_000)).toBeUndefined()
  })

  it('runs on a time scale: 0.01 makes the minute 600 ms, retry-after stays in emulated seconds', () => {
    const limits = new SecondaryLimits(0.01)
    for (let n = 0; n < 80; n++) limits.count('a', n)
    expect(limits.refuse('a', 300)?.headers).toEqual({ 'retry-after': '30' })
    expect(limits.refuse('a', 600)).toBeUndefined()
  })
})
