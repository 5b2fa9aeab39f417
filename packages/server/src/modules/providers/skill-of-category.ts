import { caregiverSkills, type TCaregiverSkill } from '@yiyang/core'

/**
 * The caregiver skill a service-list item needs, from its category: the category code itself
 * when it is one of the 五助一护 skills, else by its Chinese name; anything else is 护理.
 */
const byName: [RegExp, TCaregiverSkill][] = [
  [/餐/, 'meal'],
  [/浴/, 'bath'],
  [/洁|家政|保洁/, 'cleaning'],
  [/急/, 'emergency'],
  [/医|药/, 'medical'],
]
export function skillOfCategory(category: string, itemName = ''): TCaregiverSkill {
  if ((caregiverSkills as readonly string[]).includes(category)) return category as TCaregiverSkill
  for (const [re, skill] of byName) if (re.test(category) || re.test(itemName)) return skill
  return 'nursing'
}
