import { describe, expect, it } from 'vitest';
import * as core from './index.js';

describe('@yiyang/core public API', () => {
  it('exports the names the server and web rely on', () => {
    for (const name of [
      'coreVersion', 'parseIdNumber', 'idCheckChar', 'makeIdNumber', 'ageOn', 'todayInShanghai',
      'maskIdNumber', 'maskPhone', 'maskName', 'maskAddress',
      'parseRegionCode', 'regionScopePrefix', 'isInScope', 'parentRegionCode', 'isValidRegionCode',
      'elderCategories', 'typedElderCategories', 'derivedElderCategories', 'elderCategoryLabels', 'livingArrangements',
      'elderStatuses', 'hukouTypes', 'deriveCategories', 'ageBands', 'ageBandOf',
      'scoreAbilityGbt42195', 'AssessmentInputError', 'gbt42195Items', 'gbt42195Dimensions', 'gbt42195LevelInfo',
      'icd10ImpliesDementiaOrMental', 'riskEventTypes', 'sumRiskEvents', 'scoreAbilityMzt039',
      'canTransition', 'nextStatus', 'assessmentFlow', 'assessmentStatusLabels', 'assessmentActionLabels',
      'reassessmentDueDate', 'reassessmentState', 'validateRule', 'evaluateRule', 'defaultWorklistRules', 'formatFen',
    ]) {
      expect(core, name).toHaveProperty(name);
    }
    expect(core.coreVersion).toBe('0.1.0');
  });
});
