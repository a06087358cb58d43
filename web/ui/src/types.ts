// The shapes of the JSON API (web/openapi.yaml). Only the fields the UI reads are spelled out.

export type Rolle = 'admin' | 'koordinator' | 'leder' | 'revisor';

export interface Bruger {
  brugernavn: string;
  navn: string;
  rolle: Rolle;
  centre: string[];
}

export interface Session {
  bruger: Bruger;
  csrf: string;
}

export interface KodeNavn {
  kode: string;
  navn: string;
}

export interface Meta {
  centre: KodeNavn[];
  ydelsestyper: KodeNavn[];
  perioder: string[];
  aar: number[];
}

export interface Fremdrift {
  center: string;
  udtrukket: number;
  tildelt: number;
  indsendt: number;
  godkendt: number;
}

export type RundeTilstand =
  | 'planned'
  | 'population_loaded'
  | 'sample_drawn'
  | 'in_review'
  | 'closed'
  | 'reported';

export interface Runde {
  id: string;
  ydelsestype: string;
  periode: string;
  tilstand: RundeTilstand;
  tilstand_tekst: string;
  vindue_aabner: string;
  vindue_lukker: string;
  frist: string;
  fremdrift: Fremdrift[];
}

export interface RundeDetaljer extends Runde {
  milepaele: { navn: string; dato: string }[];
  naeste_tilstande: RundeTilstand[];
}

export type SagTilstand = 'assigned' | 'in_progress' | 'submitted' | 'approved' | 'returned';

export interface SagListe {
  runde: string;
  sagsnummer: string;
  center: string;
  ydelsestype: string;
  periode: string;
  tilstand: SagTilstand;
  tilstand_tekst?: string;
  koordinator: string;
  frist: string;
  /** computed by the server (the deadline passed and the review is not submitted) */
  over_frist?: boolean;
  version: number;
}

export type Kategori = 'noeglekontrol' | 'kvalitetsmaal' | 'formalia';
export type SvarKode = 'korrekt' | 'fejl' | 'ikke_relevant' | 'kan_ikke_vurderes';

export interface Kontrol {
  id: string;
  kategori: Kategori;
  tekst: string;
  hjemmel: string;
  vejledning?: string;
  refusion: boolean;
}

export interface Svar {
  kontrol: string;
  svar: SvarKode;
  kommentar?: string;
  beloeb?: string | null;
  periode?: { fra: string; til: string } | null;
}

export interface Sagsgennemgang {
  runde: string;
  sagsnummer: string;
  cpr_maskeret: string;
  center: string;
  sagsbehandler: string;
  afgoerelsesdato: string | null;
  attributter: Record<string, string>;
  tilstand: SagTilstand;
  tilstand_tekst?: string;
  koordinator: string;
  frist?: string;
  version: number;
  returneret_begrundelse?: string;
  koncept_version?: string;
  kontroller: Kontrol[];
  svar: Svar[];
}

export type Trafiklys = 'green' | 'yellow' | 'red' | null;

export interface Andel {
  del: number;
  helhed: number;
  procent: number | null;
  wilson_nedre?: number | null;
  wilson_oevre?: number | null;
}

export interface Procent extends Andel {
  trafiklys?: Trafiklys;
  for_faa_til_at_skelne?: boolean;
  kan_ikke_vurderes?: number;
  ikke_relevant?: number;
}

export interface Kategorital {
  korrekt: Procent;
  fejlfri_sager?: Andel;
}

export type RapportKategori = 'key_control' | 'quality_goal' | 'formality';

export interface LysTal {
  ydelsestype?: string;
  sager?: number;
  venter?: number;
  samlet: Kategorital;
  kategorier?: Partial<Record<RapportKategori, Kategorital>>;
}

export interface Tal {
  sager?: number;
  samlet: Kategorital;
  kategorier?: Partial<Record<RapportKategori, Kategorital>>;
  kontroller?: (Procent & { kontrol: string; kategori: string })[];
}

export interface Graenser {
  groen_min: number;
  gul_min: number;
}

export interface Overblik {
  periode: string;
  graenser: Graenser;
  ydelsestyper: KodeNavn[];
  centre: { center: string; navn: string; celler: LysTal[]; i_alt: LysTal }[];
  forvaltningen: { celler?: LysTal[]; i_alt?: LysTal };
}

export interface SagMedFejl {
  sag: string;
  cpr: string;
  fejl: string[];
  kan_ikke_vurderes: string[];
}

export interface CenterYdelse {
  runde: string;
  ydelsestype: string;
  navn: string;
  kan_ikke_vurderes_er_fejl?: boolean;
  koncept_version?: string;
  venter?: number;
  center: Tal;
  forvaltningen?: Tal;
  sager_med_fejl?: SagMedFejl[];
}

export interface Centerrapport {
  center: string;
  navn: string;
  periode: string;
  graenser: Graenser;
  ydelsestyper: CenterYdelse[];
  i_alt: LysTal;
}

export interface FejlKontrol {
  rang: number | null;
  kontrol: string;
  kategori: string;
  fejlandel: { fejl: number; talt: number };
  procent: number | null;
  forrige?: { fejl: number; talt: number } | null;
  forrige_procent?: number | null;
  aendring_viste_point?: number | null;
}

export interface UdviklingPunkt {
  fejl?: number;
  talt?: number;
  procent?: number | null;
}

export interface FejlYdelse {
  runde: string;
  ydelsestype: string;
  forrige_runde?: string | null;
  kontroller: FejlKontrol[];
  udvikling?: { perioder: string[]; serier: { noegle: string; punkter: (UdviklingPunkt | null)[] }[] };
}

export interface Fejlstatistik {
  center: string | null;
  periode: string;
  ydelsestyper: FejlYdelse[];
}

export interface BrugerFuld extends Bruger {
  aktiv: boolean;
  har_adgangskode: boolean;
}

export interface AuditPost {
  seq: number;
  tid: string;
  hvem: string;
  handling: string;
  objekt: string;
  noegle: string;
  gammel: string;
  ny: string;
  detaljer?: string;
}

// ---- Opfølgning (issue 8): GET /api/v1/followup, /api/v1/followup/initiatives/{nr} ----------

export type Markering = 'open' | 'done' | 'delayed' | 'at_risk';
export type InitiativStatus = 'in_progress' | 'green' | 'yellow' | 'red';
export type BerigtigelseStatus = 'open' | 'corrected' | 'not_relevant';

export interface InitiativKontrol {
  kontrol: string;
  foer: number | null;
  efter: number | null;
  forbedret: boolean | null;
}

export interface InitiativAendring {
  tid: string;
  af: string;
  fra: Markering;
  til: Markering;
  begrundelse: string;
}

export interface Initiativ {
  nr: number;
  runde: string;
  periode: string;
  center: string;
  ydelsestype: string;
  lys: 'green' | 'yellow' | 'red';
  procent: number | null;
  hvad: string;
  ansvarlig: string;
  frist: string | null;
  markering: Markering;
  status: InitiativStatus;
  status_tekst: string;
  dage_over_frist: number;
  naeste_runde: string | null;
  kontroller: InitiativKontrol[];
  aendringer?: InitiativAendring[];
}

export interface Berigtigelse {
  nr: number;
  runde: string;
  sag: string;
  kontrol: string;
  ydelsestype: string;
  periode: string;
  center: string;
  beloeb: string | null;
  periode_fra: string | null;
  periode_til: string | null;
  status: BerigtigelseStatus;
  begrundelse: string;
}

export interface Opfoelgning {
  opgjort: string;
  center: string | null;
  gul_graense_dage: number;
  initiativer: Initiativ[];
  aabne_berigtigelser: Berigtigelse[];
  i_alt: { center: string; antal: number; beloeb: string }[];
  afsluttede_berigtigelser: number;
}
