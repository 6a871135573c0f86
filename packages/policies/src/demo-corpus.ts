/**
 * Names in the bundled demo corpus that the api seed and tests rely on. Changing a
 * corpus anchor means changing it here, and the compiler finds the callers.
 */
export const DEMO_ORGANISATION_SLUG = 'county-council';
export const SOCIAL_MEDIA_POLICY_SLUG = 'social-media-policy';
export const CODE_OF_BUSINESS_CONDUCT_SLUG = 'code-of-business-conduct';

export const DEMO_ANCHORS = {
  personalAndProfessionalResponsibilities: 'personal-and-professional-responsibilities',
  businessAndPecuniaryInterests: 'business-and-pecuniary-interests',
  lineManagerOutcomes: 'line-manager-outcomes',
  socialMediaStrategyFramework: 'social-media-strategy-framework',
} as const;

export const DEMO_CITATIONS = {
  /** Guidance section 1 of the 2011 edition; reworded in 3.0, so a citation of it goes stale. */
  socialMediaPersonalResponsibilities: 'policy:social-media-policy@2.0#personal-and-professional-responsibilities',
  codeOfConductInterests: 'policy:code-of-business-conduct@1.0#business-and-pecuniary-interests',
  codeOfConductLineManagerOutcomes: 'policy:code-of-business-conduct@1.0#line-manager-outcomes',
} as const;
