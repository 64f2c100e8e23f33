/**
 * Pacing: how long a slide takes to present, from its notes and what it shows.
 */
import {speakingUnits} from './text.js'

/** Speaking rates and floors (per second). */
export const speakingRate = {
  /** Chinese: about 240 characters a minute. */
  charactersPerSecond: 4,
  /** English: about 150 words a minute. */
  wordsPerSecond: 2.5,
  /** No slide takes less than this. */
  floorSeconds: 10,
  /** Visible text is read by the audience while the speaker talks: a fraction counts. */
  visibleWeight: 0.3
} as const

/** Seconds to say a text aloud at ordinary speaking rates. */
export function secondsToSay(text: string): number {
  const {characters, words} = speakingUnits(text)
  return characters / speakingRate.charactersPerSecond + words / speakingRate.wordsPerSecond
}

/** Estimate a slide's time from its notes and its visible text, with a floor. */
export function estimateSeconds(notes: string, visible: string): number {
  const seconds = secondsToSay(notes) + speakingRate.visibleWeight * secondsToSay(visible)
  return Math.max(speakingRate.floorSeconds, Math.round(seconds))
}

/**
 * Scale estimates so they add up to a planned duration (in minutes), keeping
 * their proportions and a small floor.
 */
export function scaleToDuration(seconds: number[], minutes: number | undefined): number[] {
  const total = seconds.reduce((a, b) => a + b, 0)
  if (!minutes || minutes <= 0 || total === 0) return seconds
  const factor = (minutes * 60) / total
  return seconds.map((s) => Math.max(3, Math.round(s * factor)))
}

/** A talk time for people: `272` → `4 min 32 s`. */
export function toTalkTime(seconds: number): string {
  const minutes = Math.floor(seconds / 60)
  const rest = Math.round(seconds % 60)
  return minutes > 0 ? `${minutes} min${rest ? ` ${rest} s` : ''}` : `${rest} s`
}
