/** Child resources whose community is looked up from their id (DESIGN §1: 404 outside one's communities). */
export type ResourceKind =
  | 'building'
  | 'household'
  | 'transfer'
  | 'reward'
  | 'redemption'
  | 'activity'
  | 'attendance'
  | 'correction'
  | 'wish'
  | 'contact_group'
  | 'demand'
  | 'service_project'
  | 'family_link';
