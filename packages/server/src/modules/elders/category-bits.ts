/**
 * Bit positions of the stored categories in elders.category_bits. Append only: a new category
 * takes the next free bit (a migration regenerates the column); never reorder. 高龄 has no bit:
 * it is computed from birth_date. At most 31 entries (int4).
 */
export const categoryBitOrder = [
  'destitute',
  'dispersed_support',
  'centralized_support',
  'min_subsistence',
  'near_min_subsistence',
  'low_income',
  'economically_disadvantaged',
  'family_planning_special',
  'lost_only_child',
  'disabled',
  'severe_disability',
  'entitled_veteran_family',
  'military_family',
  'martyr_survivor',
  'no_caregiver',
  'vagrant',
  'serious_illness',
  'limited_mobility',
  'incapacitated',
  'semi_incapacitated',
  'cognitively_impaired',
  'living_alone',
  'empty_nest',
  'left_behind',
] as const

const bitOf = new Map<string, number>(categoryBitOrder.map((c, i) => [c, i]))

/** The mask of a list of categories (unknown and 高龄 ignored). */
export function categoryMask(categories: readonly string[]): number {
  let m = 0
  for (const c of categories) {
    const b = bitOf.get(c)
    if (b !== undefined) m |= 1 << b
  }
  return m
}
