/**
 * Word tables for the extractor. Rules read these tables; the tables carry the language.
 * Forms are normalised tokens (lower case, straight quotes, possessive removed).
 */
import type { Kind, Operation, Sector } from '../types.js';

const forms = (...words: string[]): string[] => words;

/**
 * How a trigger word reports an accusation, which decides where claimant and accused stand.
 * - accuse: "X accused Y of …", "Y was accused by X"; claimant before, accused right after.
 * - attribute: "X attributed the attack to Y", "the campaign was linked to Y"; accused after "to".
 * - name: "X named three members of Y", "X exposed Y"; needs an operation in the sentence.
 * - report: "X said Y had breached …", "according to X, Y …"; accused inside the reported clause.
 */
export type TriggerType = 'accuse' | 'attribute' | 'name' | 'report';

export const TRIGGERS: ReadonlyMap<string, TriggerType> = new Map<string, TriggerType>([
  // e.g. "Beijing's Ministry of State Security has publicly accused four members of …"
  ...forms(
    'accuse',
    'accused',
    'accuses',
    'accusing',
    'blame',
    'blamed',
    'blames',
    'blaming',
    'condemn',
    'condemns',
  ).map((w) => [w, 'accuse'] as const),
  // e.g. "The Justice Department charged seven hackers …", "the UK sanctioned a front company …"
  ...forms(
    'charge',
    'charged',
    'charges',
    'charging',
    'indict',
    'indicted',
    'indicts',
    'indictment',
    'sanction',
    'sanctioned',
    'sanctions',
    'sanctioning',
    'implicated',
    'implicates',
  ).map((w) => [w, 'accuse'] as const),
  // e.g. "Prague attributed the campaign to APT28", "researchers linked RedJuliett to attacks on …"
  ...forms(
    'attribute',
    'attributed',
    'attributes',
    'attributing',
    'attribution',
    'link',
    'linked',
    'links',
    'linking',
    'tie',
    'tied',
    'ties',
    'tying',
    'trace',
    'traced',
    'traces',
    'connected',
    'pinned',
    'pins',
  ).map((w) => [w, 'attribute'] as const),
  // e.g. "The ministry named three officials …", "Microsoft exposed a network of fake sites run by …"
  ...forms(
    'name',
    'named',
    'names',
    'naming',
    'identify',
    'identified',
    'identifies',
    'identifying',
    'expose',
    'exposed',
    'exposes',
    'exposing',
    'unmasked',
    'uncovered',
    'outed',
  ).map((w) => [w, 'name'] as const),
  // e.g. "Microsoft said Volt Typhoon had gained access …", "The MSS alleges that these individuals …"
  ...forms(
    'say',
    'said',
    'says',
    'saying',
    'state',
    'stated',
    'states',
    'allege',
    'alleged',
    'alleges',
    'alleging',
    'claim',
    'claimed',
    'claims',
    'claiming',
    'assert',
    'asserted',
    'asserts',
    'report',
    'reported',
    'reports',
    'warn',
    'warned',
    'warns',
    'reveal',
    'revealed',
    'reveals',
    'disclose',
    'disclosed',
    'discloses',
    'conclude',
    'concluded',
    'concludes',
    'assess',
    'assessed',
    'assesses',
    'believe',
    'believes',
    'found',
    'finds',
    'describe',
    'described',
    'describes',
    'announced',
    'announces',
    'confirmed',
    'determined',
    'discovered',
    'ascertained',
    'established',
    'wrote',
    'told',
    'tells',
    'added',
    'contends',
    'contended',
    'insisted',
    'maintained',
    'argued',
  ).map((w) => [w, 'report'] as const),
]);

/** Nominal reports that take the claimant as possessor: "the MSS statement alleges", "Microsoft's report". */
export const REPORT_NOUNS = new Set(
  forms(
    'statement',
    'advisory',
    'report',
    'allegation',
    'allegations',
    'accusation',
    'accusations',
    'claims',
    'notice',
    'indictment',
    'assessment',
    'analysis',
    'findings',
    'investigation',
    'study',
    'complaint',
    'alert',
    'bulletin',
    'research',
  ),
);

/** Nouns that refer back to an operation already described: "the activity", "these intrusions". */
export const ACTIVITY_NOUNS = new Set(
  forms(
    'activity',
    'activities',
    'campaign',
    'campaigns',
    'operation',
    'operations',
    'attack',
    'attacks',
    'incident',
    'incidents',
    'intrusion',
    'intrusions',
    'breach',
    'hack',
    'compromise',
    'cyberattack',
    'cyberattacks',
    'cyber-attack',
    'cyber-attacks',
  ),
);

/** Multi-word cues that mark the accused: "X was behind …", "carried out by X". */
export const BEHIND_CUES = new Set(
  forms('behind', 'responsible', 'orchestrated', 'perpetrated', 'masterminded'),
);

/**
 * Operation lexicon: a normalised token, or a token followed by the next token, mapped to operations.
 * Single words are matched alone; two-word keys ("fake accounts") are checked first.
 */
export const OPERATION_PHRASES: ReadonlyMap<string, readonly Operation[]> = new Map<
  string,
  readonly Operation[]
>([
  // intrusion — e.g. "orchestrating cyberattacks against mainland China"
  ...forms(
    'break into',
    'broke into',
    'broken into',
    'breaking into',
    'get into',
    'got into',
    'gained access',
    'gain access',
    'gaining access',
    'unauthorized access',
    'unauthorised access',
    'hack',
    'hacked',
    'hacking',
    'hacks',
    'cyberattack',
    'cyberattacks',
    'cyber-attack',
    'cyber-attacks',
    'intrusion',
    'intrusions',
    'breach',
    'breached',
    'breaches',
    'breaching',
    'compromise',
    'compromised',
    'compromising',
    'infiltrate',
    'infiltrated',
    'infiltrating',
    'infiltration',
    'malware',
    'reconnaissance',
    'probing',
    'probed',
    'spyware',
    'backdoor',
    'backdoors',
    'implant',
    'implants',
    'penetrated',
    'cyber-intrusions',
    'cyber-intrusion',
    // e.g. "had targeted organisations in communications, manufacturing …"
    'targeted',
    'targeting',
  ).map((w) => [w, ['intrusion']] as const),
  ...[
    'cyber attack',
    'cyber attacks',
    'cyber intrusions',
    'cyber intrusion',
    'malicious cyber',
    'cyber operations',
    'cyber operation',
    'cyber activity',
    'cyber activities',
    'cyber campaign',
    'hacking campaign',
    'unauthorized access',
    'unauthorised access',
    'gained access',
    'gain access',
    'cyber warfare',
    'network attacks',
    'network attack',
  ].map((w) => [w, ['intrusion']] as const),
  // espionage — e.g. "to steal state secrets", "a cyberespionage campaign"
  ...forms(
    'espionage',
    'cyberespionage',
    'cyber-espionage',
    'spying',
    'spied',
    'steal',
    'stole',
    'stolen',
    'stealing',
    'exfiltrated',
    'exfiltrate',
    'exfiltration',
    'eavesdropping',
    'wiretap',
    'wiretaps',
  ).map((w) => [w, ['espionage']] as const),
  ...[
    'cyber espionage',
    'state secrets',
    'intelligence gathering',
    'intelligence-gathering',
    'collect intelligence',
  ].map((w) => [w, ['espionage']] as const),
  // disruption — e.g. "hijacked billboards", "DDoS attacks on government portals"
  ...forms(
    'ddos',
    'sabotage',
    'sabotaged',
    'disrupt',
    'disrupted',
    'disrupting',
    'disruption',
    'disruptive',
    'deface',
    'defaced',
    'defacing',
    'defacement',
    'defacements',
    'hijacked',
    'hijacking',
  ).map((w) => [w, ['disruption']] as const),
  ...[
    'denial-of-service',
    'denial of',
    'took control',
    'taking control',
    'knocked offline',
    'take control',
  ].map((w) => [w, ['disruption']] as const),
  // destruction — e.g. "deployed the WhisperGate wiper", "destructive malware"
  ...forms('wiper', 'wipers', 'destructive', 'wiped', 'destroyed', 'destroy', 'destroying').map(
    (w) => [w, ['destruction']] as const,
  ),
  // ransomware — e.g. "a ransomware attack"
  ...forms('ransomware').map((w) => [w, ['ransomware']] as const),
  // phishing — e.g. "sending phishing emails", "spear-phishing messages"
  ...forms('phishing', 'spear-phishing', 'spearphishing').map((w) => [w, ['phishing']] as const),
  // disinformation — e.g. "spreading counter-propaganda", "fake news sites", "influence operations"
  ...forms(
    'disinformation',
    'misinformation',
    'propaganda',
    'counter-propaganda',
    'inauthentic',
    'troll',
    'trolls',
    'deepfake',
    'deepfakes',
  ).map((w) => [w, ['disinformation']] as const),
  ...[
    'influence operation',
    'influence operations',
    'influence campaign',
    'influence campaigns',
    'fake news',
    'fake accounts',
    'false information',
    'fake articles',
    'fake websites',
    'fake sites',
    'fake videos',
    'staged videos',
    'public opinion',
    'psychological warfare',
    'cognitive warfare',
    'information warfare',
    'information operations',
    'sow discord',
    'social media',
    'spoofed websites',
    'cloned websites',
  ].map((w) => [w, ['disinformation']] as const),
  // hack-and-leak — e.g. "leaked the stolen emails"
  ...forms('hack-and-leak', 'leaked', 'leaking').map((w) => [w, ['hack-and-leak']] as const),
  ...['hack and', 'leak operation', 'dumped online'].map((w) => [w, ['hack-and-leak']] as const),
  // pre-positioning — e.g. "pre-positioning itself on IT networks for disruptive attacks"
  ...forms('pre-positioning', 'prepositioning', 'pre-position', 'pre-positioned', 'prepositioned').map(
    (w) => [w, ['pre-positioning']] as const,
  ),
  ...['pre -', 'living off', 'future conflict', 'lay the', 'laying the', 'persistent access'].map(
    (w) => [w, ['pre-positioning']] as const,
  ),
]);

/** "social media" and "public opinion" only indicate disinformation next to a manipulation verb. */
export const WEAK_OPERATION_PHRASES = new Set([
  'social media',
  'public opinion',
  'leaked',
  'leaking',
  'destroyed',
  'destroy',
]);

/** Sector lexicon: a normalised token (or two-token phrase) → sector. e.g. "water, electricity, gas, heating". */
export const SECTOR_PHRASES: ReadonlyMap<string, Sector> = new Map<string, Sector>([
  ...forms('water', 'wastewater', 'water-treatment').map((w) => [w, 'water'] as const),
  ...forms(
    'electricity',
    'electric',
    'energy',
    'gas',
    'heating',
    'oil',
    'pipeline',
    'pipelines',
    'power-grid',
    'grid',
    'nuclear',
    'utilities',
  ).map((w) => [w, 'energy'] as const),
  ...['power grid', 'power plants', 'power plant', 'power stations'].map((w) => [w, 'energy'] as const),
  ...forms(
    'telecom',
    'telecoms',
    'telecommunications',
    'telecommunication',
    'communications',
    'broadband',
    'billboards',
    'billboard',
    'cameras',
    'routers',
    'isps',
    'isp',
    'satellite',
    'internet',
    'wiretap',
  ).map((w) => [w, 'communications'] as const),
  ...forms(
    'government',
    'governmental',
    'ministries',
    'agencies',
    'parliament',
    'embassies',
    'diplomatic',
    'diplomats',
  ).map((w) => [w, 'government'] as const),
  ...['public sector', 'state institutions', 'government networks', 'foreign ministry'].map(
    (w) => [w, 'government'] as const,
  ),
  ...forms('military', 'defense', 'defence', 'armed', 'aerospace', 'weapons', 'nato').map(
    (w) => [w, 'defense'] as const,
  ),
  ...forms(
    'election',
    'elections',
    'electoral',
    'politicians',
    'political',
    'lawmakers',
    'parliamentarians',
    'mps',
    'party',
    'parties',
    'campaigns',
    'dissidents',
    'critics',
    'voters',
  ).map((w) => [w, 'political'] as const),
  ...forms('media', 'journalists', 'newspapers', 'broadcasters', 'television', 'tv', 'news', 'outlets').map(
    (w) => [w, 'media'] as const,
  ),
  ...forms('banks', 'bank', 'financial', 'finance', 'cryptocurrency', 'crypto', 'exchange', 'fintech').map(
    (w) => [w, 'finance'] as const,
  ),
  ...forms('hospitals', 'hospital', 'healthcare', 'health', 'medical', 'pharmaceutical').map(
    (w) => [w, 'healthcare'] as const,
  ),
  ...forms(
    'transport',
    'transportation',
    'airports',
    'airport',
    'ports',
    'port',
    'rail',
    'railway',
    'aviation',
    'shipping',
    'maritime',
    'logistics',
  ).map((w) => [w, 'transportation'] as const),
  ...forms('technology', 'tech', 'software', 'semiconductor', 'semiconductors', 'it').map(
    (w) => [w, 'technology'] as const,
  ),
  ...forms('universities', 'university', 'academic', 'academics', 'schools', 'education', 'research').map(
    (w) => [w, 'education'] as const,
  ),
  ...forms('manufacturing', 'manufacturers', 'industrial', 'factories').map(
    (w) => [w, 'manufacturing'] as const,
  ),
]);

/**
 * Sector words that are too common to count unless they stand before a target noun or in a list of
 * targets: "news" in "news conference", "party" in "third party", "research" in "researchers said".
 */
export const WEAK_SECTOR_WORDS = new Set([
  'news',
  'party',
  'research',
  'exchange',
  'port',
  'it',
  'health',
  'internet',
  'tech',
  'government',
  'military',
  'defense',
  'defence',
  'communications',
  'political',
  'media',
  'outlets',
  'satellite',
  'armed',
  'oil',
  'gas',
  'grid',
  'nuclear',
  'exchange',
  'electric',
  'utilities',
]);

/** Nouns after which a weak sector word really names a target: "government agencies", "media outlets". */
export const TARGET_NOUNS = new Set(
  forms(
    'agencies',
    'agency',
    'networks',
    'network',
    'systems',
    'system',
    'institutions',
    'organizations',
    'organisations',
    'entities',
    'sector',
    'sectors',
    'infrastructure',
    'companies',
    'firms',
    'providers',
    'provider',
    'operators',
    'facilities',
    'contractors',
    'enterprises',
    'officials',
    'websites',
    'sites',
    'outlets',
    'departments',
    'bodies',
    'targets',
    'services',
    'utilities',
    'users',
    'accounts',
    'offices',
    'personnel',
    'units',
    'workers',
    'staff',
    'groups',
    'industry',
    'industries',
    'stations',
    'plants',
    'grids',
    'exchanges',
    'platforms',
    'candidates',
    'campaigns',
    'figures',
    'leaders',
  ),
);

/** Words that put the next actor or country in the target role: "attacks against mainland China". */
export const TARGET_CUES = new Set(
  forms(
    'against',
    'targeting',
    'targeted',
    'targets',
    'target',
    'targetting',
    'on',
    'into',
    'at',
    'in',
    'across',
    'inside',
    'within',
    'throughout',
    'hit',
    'hitting',
    'breached',
    'breaching',
    'hacked',
    'hacking',
    'compromised',
    'compromising',
    'infiltrated',
    'infiltrating',
    'attacked',
    'attacking',
    'penetrated',
    'of',
    'toward',
    'towards',
    'victims',
    'victim',
  ),
);

/** Words that hedge: the outlet reports the claim rather than asserting it. e.g. "The MSS alleges …" */
export const HEDGES = new Set(
  forms(
    'alleged',
    'allegedly',
    'alleges',
    'allege',
    'allegation',
    'allegations',
    'purported',
    'purportedly',
    'claims',
    'claimed',
    'claim',
    'reportedly',
    'supposedly',
    'accused',
    'accuses',
    'accusation',
    'accusations',
    'according',
    'suspected',
    'said',
    'says',
  ),
);

/** Denial cues. e.g. "Taiwan's defence ministry dismissed the allegations as a distraction" */
export const DENIAL_WORDS = new Set(
  forms(
    'deny',
    'denied',
    'denies',
    'denying',
    'dismiss',
    'dismissed',
    'dismisses',
    'dismissing',
    'reject',
    'rejected',
    'rejects',
    'rejecting',
    'refute',
    'refuted',
    'refutes',
    'rebuffed',
    'rebuffs',
    'repudiated',
    'denounced',
    'denounces',
    'condemned',
  ),
);

/** Adjectives that turn "called the report X" into a denial. e.g. "called the charges groundless smears" */
export const DENIAL_QUALIFIERS = new Set(
  forms(
    'groundless',
    'baseless',
    'unfounded',
    'fabricated',
    'fabrication',
    'fabrications',
    'absurd',
    'smear',
    'smears',
    'slander',
    'slanderous',
    'nonsense',
    'lies',
    'false',
    'distraction',
    'malicious',
    'politically',
    'unsubstantiated',
    'ridiculous',
    'defamation',
    'hype',
    'hyping',
    'speculation',
  ),
);
export const CALL_VERBS = new Set(
  forms(
    'called',
    'calls',
    'calling',
    'labelled',
    'labeled',
    'branded',
    'termed',
    // "said the claims were groundless"
    'said',
    'says',
    'saying',
    'described',
    'describes',
    'added',
    'insisted',
    'stated',
  ),
);

/** "has yet to respond", "did not respond to a request for comment", "declined to comment" */
export const NO_RESPONSE_PATTERNS: readonly RegExp[] = [
  /\b(?:has|have|had)\s+(?:yet|not)\s+(?:to\s+)?(?:publicly\s+|formally\s+)?(?:issue[ds]?\s+(?:a\s+)?(?:formal\s+|public\s+)?|made?\s+(?:a\s+)?(?:public\s+)?)?(?:respon|comment|react|repl)/i,
  /\b(?:did|does|do)\s+not\s+(?:immediately\s+)?(?:respond|reply|return|comment|answer)/i,
  /\bdeclined\s+to\s+(?:comment|respond)/i,
  /\bcould\s+not\s+(?:immediately\s+)?be\s+reached/i,
  /\bno\s+(?:immediate\s+)?(?:response|comment|reaction)\s+(?:from|was|has)/i,
  /\bwas\s+not\s+immediately\s+available\s+for\s+comment/i,
  /\bremained\s+silent\b/i,
];

/** "claimed responsibility", "confirmed it carried out" */
export const CONFIRMATION_PATTERNS: readonly RegExp[] = [
  /\bclaimed\s+(?:credit|responsibility)\b/i,
  /\b(?:acknowledged|admitted|confirmed)\s+(?:that\s+)?(?:it|they|its|their)\s+(?:had\s+)?(?:carried|conducted|launched|was|were|hackers|forces|operation)/i,
];

/** Nouns for people: "three officials", "seven Chinese nationals". */
export const PERSON_NOUNS = new Set(
  forms(
    'members',
    'member',
    'officials',
    'official',
    'officers',
    'officer',
    'individuals',
    'individual',
    'people',
    'persons',
    'person',
    'hackers',
    'hacker',
    'nationals',
    'national',
    'suspects',
    'suspect',
    'agents',
    'agent',
    'operatives',
    'operative',
    'employees',
    'personnel',
    'men',
    'citizens',
    'defendants',
    'defendant',
    'staffers',
    'soldiers',
    'servicemen',
    'engineers',
    'civilian',
    'civilians',
    'contractor',
    'contractors',
    'spies',
    'spy',
    'executives',
    'accomplices',
    'accomplice',
    'employee',
    'residents',
  ),
);

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['twenty', 20],
]);

/**
 * Head nouns of organisation names not in the knowledge base, with the kind they suggest.
 * e.g. "Taiwan Information and Communications Army" → military-unit; "Harbin Public Security Bureau" → agency.
 */
export const ORG_HEADS: ReadonlyMap<string, Kind> = new Map<string, Kind>([
  ...forms(
    'command',
    'army',
    'force',
    'forces',
    'corps',
    'unit',
    'brigade',
    'regiment',
    'navy',
    'battalion',
  ).map((w) => [w, 'military-unit'] as const),
  ...forms(
    'ministry',
    'bureau',
    'agency',
    'department',
    'directorate',
    'service',
    'office',
    'center',
    'centre',
    'council',
    'administration',
    'police',
    'authority',
    'commission',
    'committee',
    'procuratorate',
    'court',
    'embassy',
    'government',
    'cabinet',
  ).map((w) => [w, 'government-agency'] as const),
  ...forms('group', 'team', 'collective', 'gang', 'crew').map((w) => [w, 'threat-group'] as const),
  ...forms('institute', 'university', 'lab', 'labs', 'laboratory').map((w) => [w, 'researchers'] as const),
  ...forms('inc', 'ltd', 'corp', 'corporation', 'company', 'technologies', 'security', 'networks').map(
    (w) => [w, 'company'] as const,
  ),
]);

/** Words that may sit inside an organisation name between capitalised words. */
export const ORG_CONNECTORS = new Set(forms('of', 'and', 'for', ',', '&', 'on'));

/**
 * Vendor naming schemes for threat groups, with the country the scheme encodes where the vendor's
 * convention is public (Microsoft's weather families, CrowdStrike's animals).
 * e.g. "Salt Typhoon", "Cozy Bear", "Storm-1516", "UNC3886", "APT41", "TA453".
 */
export const GROUP_FAMILY_WORDS: ReadonlyMap<string, string | null> = new Map([
  ['typhoon', 'CN'],
  ['panda', 'CN'],
  ['blizzard', 'RU'],
  ['bear', 'RU'],
  ['sandstorm', 'IR'],
  ['kitten', 'IR'],
  ['sleet', 'KP'],
  ['chollima', 'KP'],
  ['tempest', null],
  ['spider', null],
  ['hail', null],
  ['tsunami', null],
  ['jackal', null],
]);
export const GROUP_CODE = /^(?:APT|UNC|FIN|TA|TAG|DEV|Storm|STORM|UAC|UAT|TEMP|G|Void)[-.]?\d{1,5}$/;

/** Nouns that name a threat group when they follow a nationality: "Chinese hackers", "Russian state-sponsored actors". */
export const ACTOR_NOUNS = new Set(
  forms(
    'hackers',
    'hacker',
    'actors',
    'actor',
    'group',
    'groups',
    'apt',
    'operatives',
    'spies',
    'cyberspies',
    'trolls',
    // "seven Chinese nationals", "Russian intelligence officers": people, grouped by nationality
    'nationals',
    'individuals',
    'company',
    'officers',
    'operators',
    'agents',
  ),
);

/**
 * Office holders who speak for a state or one of its ministries: "Deputy Prime Minister Oliver Dowden
 * told parliament …", "the British Foreign Secretary said". The role is the ministry's (see ROLES in
 * mentions.ts); null speaks for the state itself.
 */
export const TITLES: ReadonlyMap<string, string | null> = new Map<string, string | null>([
  ['president', null],
  ['vice president', null],
  ['prime minister', null],
  ['deputy prime minister', null],
  ['premier', null],
  ['chancellor', null],
  ['foreign minister', 'foreign'],
  ['foreign secretary', 'foreign'],
  ['secretary of state', 'foreign'],
  ['minister of foreign affairs', 'foreign'],
  ['defence minister', 'defence'],
  ['defense minister', 'defence'],
  ['defence secretary', 'defence'],
  ['defense secretary', 'defence'],
  ['secretary of defense', 'defence'],
  ['attorney general', 'justice'],
  ['deputy attorney general', 'justice'],
  ['justice minister', 'justice'],
  ['interior minister', 'interior'],
  ['home secretary', 'interior'],
]);

/** Nouns that, after a nationality, name the state itself: "Chinese authorities", "US officials". */
export const STATE_NOUNS = new Set(
  forms(
    'government',
    'authorities',
    'officials',
    'state',
    'regime',
    'side',
    'leadership',
    'intelligence',
    'investigators',
    'prosecutors',
    'diplomats',
    'administration',
    // e.g. "The Chinese embassy did not respond": an embassy or spokesperson answers for its state
    'embassy',
    'mission',
    'consulate',
    'spokesperson',
    'spokesman',
    'spokeswoman',
  ),
);

/** Definite descriptions that refer back to an actor: "the ministry" → the last ministry mentioned. */
export const COREF_NOUNS: ReadonlyMap<string, readonly Kind[]> = new Map<string, readonly Kind[]>([
  ...forms(
    'ministry',
    'agency',
    'bureau',
    'department',
    'directorate',
    'office',
    'center',
    'centre',
    'administration',
    'police',
    'authority',
    'service',
    'commission',
    'embassy',
    // "According to the indictment, …": a document speaks for the body that issued it
    'indictment',
    'advisory',
  ).map((w) => [w, ['government-agency'] as const] as const),
  ...forms('unit', 'command', 'army', 'military').map((w) => [w, ['military-unit'] as const] as const),
  ...forms('group', 'gang', 'collective').map((w) => [w, ['threat-group'] as const] as const),
  // "the hackers" may be a military unit's: "Unit 29155 … the hackers had scanned …"
  ...forms('hackers', 'actor', 'actors', 'intruders', 'attackers').map(
    (w) => [w, ['threat-group', 'military-unit'] as const] as const,
  ),
  ...forms('company', 'firm', 'vendor', 'giant').map(
    (w) => [w, ['company', 'researchers'] as const] as const,
  ),
  ...forms('government', 'regime').map((w) => [w, ['state'] as const] as const),
]);

/** Unnamed researchers as an accuser: "security researchers said …". */
export const RESEARCHER_NOUNS = new Set(forms('researchers', 'analysts', 'investigators', 'experts'));
