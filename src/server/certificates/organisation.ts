/** The training organisation that issues certificates, as an admin sets it (/admin/organisation). */
export interface Organisation {
  name: string;
  /** Postal address, one line per entry. */
  addressLines: string[];
  /** Place of issue printed after "Fait à". */
  city: string;
  signatoryName: string;
  signatoryTitle: string;
  /** sha256 of an uploaded logo in certificate_assets; null: the default logo in assets/. */
  logoSha256: string | null;
  /** Overrides the VERIFY_BASE_URL setting when set. */
  verifyBaseUrl: string | null;
  showBirthDate: boolean;
  /** "Mention du lieu de formation": off by default; only then may the place be printed. */
  showTrainingPlace: boolean;
  trainingPlace: string;
}

export const DEFAULT_ORGANISATION: Organisation = {
  name: '',
  addressLines: [],
  city: '',
  signatoryName: '',
  signatoryTitle: '',
  logoSha256: null,
  verifyBaseUrl: null,
  showBirthDate: false,
  showTrainingPlace: false,
  trainingPlace: '',
};

/** Fields that must be set before a certificate can be issued. */
export function missingOrganisationFields(o: Organisation): Array<'name' | 'city' | 'signatoryName' | 'signatoryTitle'> {
  return (['name', 'city', 'signatoryName', 'signatoryTitle'] as const).filter((key) => o[key].trim() === '');
}
