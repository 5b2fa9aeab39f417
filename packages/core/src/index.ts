/**
 * @yiyang/core — pure domain logic of Yiyang (颐养): no I/O, no clock reads except where a
 * function documents a default of "today in Asia/Shanghai". See docs/domain.md.
 */
export const coreVersion = '0.1.0'

export * from './dates.js'
export * from './id-number.js'
export * from './normalize-input.js'
export * from './masking.js'
export * from './regions.js'
export * from './assessment/common.js'
export * from './assessment/gbt42195-catalogue.js'
export * from './assessment/gbt42195.js'
export * from './assessment/mzt039.js'
export * from './flow.js'
export * from './assessment/workflow.js'
export * from './assessment/reassessment.js'
export * from './assessment/flat-answers.js'
export * from './categories.js'
export * from './worklist-rules.js'
export * from './money.js'
export * from './roles.js'
export * from './elder-status.js'
export * from './events.js'
export * from './worklist-flow.js'
export * from './visits.js'
export * from './labels.js'
