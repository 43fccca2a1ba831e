/**
 * The ways news reports an accusation that the extractor reads, one general form per test. The
 * sentences are made up for the test; none comes from a sample.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../kb/index.js';
import type { Claim, ExtractedDocument } from '../types.js';
import { analyse } from '../nlp/index.js';
import { extractDocument } from './index.js';
import { findMentions } from './mentions.js';

const kb = loadKnowledgeBase(null);

function run(text: string): ExtractedDocument {
  return extractDocument(
    {
      kind: 'source-document',
      source: 'forms.txt',
      title: null,
      outlet: null,
      published: null,
      url: null,
      text,
      contentHash: crypto.createHash('sha256').update(text).digest('hex'),
    },
    kb,
  );
}

const claimants = (d: ExtractedDocument) => d.claims.map((c) => c.claimant.id ?? c.claimant.name).sort();
const denied = (d: ExtractedDocument, c: Claim) =>
  d.responses.some((r) => r.type === 'denial' && r.claim === c.id);

describe('accusation forms', () => {
  it('gives every co-signing agency of a joint statement its own claim, sharing the details', () => {
    const d = run(
      'Title\n\nThe FBI, the National Security Agency and the Cybersecurity and Infrastructure Security Agency said APT28 had breached email servers at defence contractors.',
    );
    expect(claimants(d)).toEqual(['us-cisa', 'us-fbi', 'us-nsa']);
    for (const c of d.claims) {
      expect(c.accused[0]!.id).toBe('tg-apt28');
      expect(c.sectors).toContain('defense');
    }
  });

  it('adds the co-authors named in a later sentence to the advisory claim', () => {
    const d = run(
      "Title\n\nThe Australian Signals Directorate said APT40 had repeatedly breached government networks. The advisory was co-authored by the FBI and Britain's National Cyber Security Centre.",
    );
    expect(claimants(d)).toEqual(['au-asd', 'gb-ncsc', 'us-fbi']);
  });

  it('reads a reported clause that comes before its speaker', () => {
    const d = run(
      'Title\n\nVolt Typhoon has broken into water utilities across the country, Microsoft said on Friday.',
    );
    expect(d.claims.map((c) => [c.claimant.id, c.accused[0]!.id])).toEqual([
      ['org-microsoft', 'tg-volt-typhoon'],
    ]);
  });

  it('resolves "the foreign ministry" to the country just mentioned and reads the agent of an operation', () => {
    const d = run(
      'Title\n\nChina rejected the findings. Foreign ministry spokesman Lin Jian said the report was itself a disinformation campaign by the United States.',
    );
    const c = d.claims.find((x) => x.claimant.id === 'cn-mfa');
    expect(c?.accused[0]!.country).toBe('US');
    expect(c?.operations).toContain('disinformation');
  });

  it('lets an office holder speak for the state of the place named before', () => {
    const d = run(
      'Title\n\nIn London, Deputy Prime Minister Oliver Dowden told parliament that APT31 had carried out reconnaissance against the email accounts of lawmakers.',
    );
    expect(d.claims.map((c) => [c.claimant.id, c.accused[0]!.id])).toEqual([['gb', 'tg-apt31']]);
  });

  it('finds people charged by name, with the country of the unit they serve, and counts them', () => {
    const d = run(
      'Title\n\nThe Justice Department charged Ivan Petrovich Sidorov and Pavel Andreyevich Volkov, officers of the GRU, with hacking election systems.',
    );
    const c = d.claims[0]!;
    const people = c.accused.filter((a) => a.kind === 'person');
    expect(people.map((p) => p.name)).toEqual(['Ivan Petrovich Sidorov', 'Pavel Andreyevich Volkov']);
    expect(c.individualsNamed).toBe(2);
  });

  it('counts "five officers and a civilian" as six', () => {
    const d = run(
      'Title\n\nThe Justice Department said a grand jury had indicted five GRU officers and a civilian on charges of conspiring to hack government computers.',
    );
    expect(d.claims[0]?.individualsNamed).toBe(6);
  });

  it('takes "the group it calls X" as X, and "the activity" as the operation described before', () => {
    const d = run(
      'Title\n\nMicrosoft said the Russian state-backed hacking group it calls Midnight Blizzard had broken into its corporate email. The FBI said the activity was the work of the same group.',
    );
    const ms = d.claims.find((c) => c.claimant.id === 'org-microsoft');
    expect(ms?.accused[0]!.id).toBe('tg-apt29');
    expect(ms?.operations).toContain('intrusion');
  });

  it('folds a claim against "Russian hackers" into the same claimant\'s claim against the named group', () => {
    const d = run(
      'Title\n\nMicrosoft says Russian hackers used stolen emails to reach its source code. Microsoft said Midnight Blizzard had breached the email accounts of senior staff.',
    );
    expect(d.claims).toHaveLength(1);
    expect(d.claims[0]!.accused.map((a) => a.id ?? a.name)).toContain('tg-apt29');
  });

  it('does not take a government accusing its own agency, nor a product for an actor', () => {
    const d = run(
      'Title\n\nThe United States imposed sanctions on a Chinese cybersecurity company that it said took part in intrusions reported by the Treasury Department. The attacks exploited a flaw in Microsoft Outlook.',
    );
    const accused = d.claims.flatMap((c) => c.accused.map((a) => a.id ?? a.name));
    expect(accused).not.toContain('us-treasury');
    expect(accused).not.toContain('org-microsoft');
  });

  it('ignores "UN sanctions on North Korea" and "on charges of" as accusations', () => {
    const d = run(
      'Title\n\nA panel that monitored UN sanctions on North Korea met on Monday. He was arrested on charges of hacking a bank.',
    );
    expect(d.claims).toEqual([]);
  });

  it('links "said the claims were groundless" to every claim against that country', () => {
    const d = run(
      "Title\n\nBritain and the United States accused APT31 of hacking lawmakers' email accounts. In Beijing, foreign ministry spokesman Lin Jian said the claims were groundless.",
    );
    expect(d.claims.length).toBeGreaterThanOrEqual(2);
    for (const c of d.claims) expect(denied(d, c)).toBe(true);
  });

  it('does not take a dateline or an empty "It" for an actor', () => {
    const d = run(
      'Title\n\nWASHINGTON, Feb 8 - The weather was cold. It has been found that the servers were misconfigured by hackers.',
    );
    expect(d.claims).toEqual([]);
  });
});

describe('context decides between actors that share a name', () => {
  const accuserOf = (text: string) => run(`Title\n\n${text}`).claims[0]?.claimant;

  it('takes the Ministry of State Security of the country named before it', () => {
    expect(
      accuserOf("Beijing's Ministry of State Security accused ICEFCOM of hacking public screens.")?.id,
    ).toBe('cn-mss');
    expect(
      accuserOf(
        "North Korea's Ministry of State Security accused South Korean agents of hacking its networks.",
      )?.id,
    ).toBe('kp-mss');
  });

  it('uses the dateline and the other states of the document when nothing is next to the name', () => {
    const kp = accuserOf(
      'PYONGYANG, May 2 - The Ministry of State Security accused South Korean spies of hacking government networks. Pyongyang said it would respond.',
    );
    expect(kp?.id).toBe('kp-mss');
    const cn = accuserOf(
      'BEIJING, May 2 - The Ministry of State Security accused Taiwanese hackers of hacking government networks. Beijing said it would respond.',
    );
    expect(cn?.id).toBe('cn-mss');
  });
});

describe('coreference and metonyms', () => {
  it('reads "the ministry", "It" and a capital standing for its state', () => {
    const d = run(
      "Title\n\nChina's Ministry of State Security published a notice on Monday. The ministry said ICEFCOM had hacked public screens in several cities. It also accused the unit of spreading disinformation. The Kremlin accused Ukrainian hackers of attacking Russian banks.",
    );
    const mss = d.claims.find((c) => c.claimant.id === 'cn-mss');
    expect(mss?.accused[0]!.country).toBe('TW');
    expect(mss?.operations).toEqual(expect.arrayContaining(['intrusion', 'disinformation']));
    const kremlin = d.claims.find((c) => c.claimant.id === 'ru');
    expect(kremlin?.accused[0]!.country).toBe('UA');
  });

  it('reads a passive with the accuser after "by" and a nominal "according to"', () => {
    const d = run(
      'Title\n\nThe intrusions were attributed to APT41 by the Australian Signals Directorate. According to Mandiant, UNC3886 had exploited flaws in network devices to spy on defence firms.',
    );
    expect(d.claims.map((c) => [c.claimant.id, c.accused[0]!.name]).sort()).toEqual([
      ['au-asd', 'APT41'],
      ['org-mandiant', 'UNC3886'],
    ]);
  });
});

describe('officials who speak for a body', () => {
  it('lets "X, a spokesman for Y" and a following "He said" speak for Y', () => {
    const d = run(
      'Title\n\nJohn Carter, a spokesman for the State Department, rejected the report. He said Russian military hackers had broken into the networks of several embassies.',
    );
    const c = d.claims.find((x) => x.claimant.id === 'us-state');
    expect(c?.accused[0]!.country).toBe('RU');
    expect(c?.operations).toContain('intrusion');
  });
});

describe('speakers and groups named once and referred to after', () => {
  it('lets a spokesperson the knowledge base knows, and the surname alone later, speak for the ministry', () => {
    const d = run(
      'Title\n\nAt a briefing in Beijing, spokesperson Mao Ning rejected the report. Mao said the United States had hacked into Chinese universities for years.',
    );
    const c = d.claims.find((x) => x.claimant.id === 'cn-mfa');
    expect(c?.accused[0]!.id).toBe('us');
    expect(c?.operations).toContain('intrusion');
  });

  it('lets a spokesperson speak for the ministry named in the sentence before', () => {
    const d = run(
      'Title\n\nThe Iranian foreign ministry dismissed the claims. At a weekly news conference, spokesman Reza Karimi said Israel had launched cyberattacks on Iranian fuel stations.',
    );
    const c = d.claims.find((x) => x.claimant.country === 'IR');
    expect(c?.accused[0]!.id).toBe('il');
  });

  it('gives "The agencies said" to every agency listed in the sentence before', () => {
    const d = run(
      'Title\n\nThe guidance was published by CISA together with the FBI and the Australian Signals Directorate. The agencies said PRC-affiliated actors had compromised routers at telecommunications companies.',
    );
    expect(claimants(d)).toEqual(['au-asd', 'us-cisa', 'us-fbi']);
    for (const c of d.claims) expect(c.accused[0]!.country).toBe('CN');
  });

  it('lets whom an agency "joined in blaming" accuse too', () => {
    const d = run(
      'Title\n\nThe National Police Agency joined the FBI in blaming a North Korean group called TraderTraitor for the theft of cryptocurrency from an exchange.',
    );
    expect(claimants(d)).toEqual(['jp-npa', 'us-fbi']);
  });
});

describe('documents that speak for whoever issued them', () => {
  it('reads "The report, published by X, says" and a later "According to the assessment"', () => {
    const d = run(
      'Title\n\nThe report, published by the Canadian Centre for Cyber Security, says that Indian state-sponsored cyber threat actors probably spy on government networks. Officials briefed reporters. According to the assessment, cyber actors sponsored by the Chinese state have compromised several federal networks.',
    );
    const cccs = d.claims.filter((c) => c.claimant.id === 'ca-cccs').map((c) => c.accused[0]!.country);
    expect(cccs.sort()).toEqual(['CN', 'IN']);
  });

  it('gives both agencies their claim when each is written with its acronym in brackets', () => {
    const d = run(
      'Title\n\nThe General Intelligence and Security Service (AIVD) and the Military Intelligence and Security Service (MIVD) said a Chinese group had broken into a Dutch Ministry of Defence network.',
    );
    expect(claimants(d)).toEqual(['nl-aivd', 'nl-mivd']);
    for (const c of d.claims) expect(c.accused[0]!.country).toBe('CN');
  });
});

describe('more ways of saying who did it', () => {
  it('reads "it said" after a clause that names the body, and a sponsor written with a hyphen', () => {
    const d = run(
      'Title\n\nWhen Microsoft released the patch, it said a Russia-based threat actor had used the flaw in attacks against government organisations.',
    );
    expect(d.claims[0]?.claimant.id).toBe('org-microsoft');
    expect(d.claims[0]?.accused[0]!.country).toBe('RU');
  });

  it('reads "responsible for" an operation known only by its name', () => {
    const d = run(
      'Title\n\nIn 2017 a wiper spread through Ukrainian networks and destroyed data worldwide. The National Cyber Security Centre has assessed that the Russian military was almost certainly responsible for NotPetya.',
    );
    expect(d.claims.map((c) => [c.claimant.id, c.accused[0]!.country])).toEqual([['gb-ncsc', 'RU']]);
  });

  it('follows "the same group" back further than "the group"', () => {
    const d = run(
      'Title\n\nGoogle tracks a Russian group called Coldriver. It sends phishing emails. Its lures are plausible. They target think tanks. Many are in Britain. Some are in the US. Others are in Ukraine. Few are elsewhere. Most are small. Some are large. In 2022 Google said the same group was connected to the leak of emails belonging to a former spy chief.',
    );
    const leak = d.claims.find((c) => c.operations.includes('hack-and-leak'));
    expect(leak?.accused[0]!.id).toBe('tg-star-blizzard');
  });
});

describe("a statement's own assertions", () => {
  it("makes the author's plain assertion a claim, but not a journalist's question", () => {
    const d = run(
      'Statement of the Ministry of Foreign Affairs of the Russian Federation\n\nQuestion: Has the British government hacked into Russian ministries?\n\nFor many years, US intelligence agencies have carried out large-scale cyber attacks against other countries.',
    );
    expect(d.claims.map((c) => [c.claimant.id, c.accused[0]!.country])).toEqual([['ru-mfa', 'US']]);
  });
});

describe('nationalities that act, and ones that do not', () => {
  it('reads "North Korean cyberattacks" as the state acting, and a panel of experts as the speaker', () => {
    const d = run(
      'Title\n\nA panel of experts that monitored UN sanctions said it was investigating 58 suspected North Korean cyberattacks on cryptocurrency firms.',
    );
    expect(d.claims.map((c) => [c.claimant.name, c.accused[0]!.id])).toEqual([['researchers', 'kp']]);
  });

  it('does not take "US-made telephones" for the United States acting', () => {
    const d = run(
      'Title\n\nThe Russian foreign ministry said the collection of data had been carried out through flaws in US-made telephones.',
    );
    expect(d.claims).toEqual([]);
  });
});

describe('attribution of a group to its sponsor', () => {
  it('reads "X was behind APT40" with both the sponsor and the group accused', () => {
    const d = run(
      "Title\n\nHackers broke into the networks of Japanese defence firms. Japan's foreign ministry said it was highly likely that the Chinese government was behind APT40.",
    );
    expect(d.claims[0]?.claimant.id).toBe('jp-mofa');
    expect(d.claims[0]?.accused.map((m) => m.id).sort()).toEqual(['cn', 'tg-apt40']);
  });

  it('reads "the group was associated with the Chinese state" as attribution', () => {
    const d = run(
      'Title\n\nThe National Cyber Security Centre said it was highly likely that APT31 was associated with the Chinese state.',
    );
    expect(d.claims[0]?.accused.map((m) => m.id).sort()).toEqual(['cn', 'tg-apt31']);
  });

  it('lets "the bloc" speak for the European Union and "named X as the agency behind" accuse', () => {
    const d = run(
      'Title\n\nThe European Union issued a declaration on Monday. The bloc said the compromise had been carried out by APT40. Britain named the MSS as the agency behind APT31.',
    );
    expect(d.claims.map((c) => [c.claimant.id, c.accused[0]!.id]).sort()).toEqual([
      ['gb', 'cn-mss'],
      ['org-eu', 'tg-apt40'],
    ]);
  });
});

describe('operations known by name and who ran them', () => {
  it('accuses the campaign named "known as" and the organisations that ran it', () => {
    const d = run(
      'Title\n\nThe Justice Department said the domains were part of an influence campaign known as "Doppelganger". The FBI said the operation was run by the Social Design Agency.',
    );
    const names = d.claims.map((c) => [c.claimant.id, c.accused[0]!.name]).sort();
    expect(names).toEqual([
      ['us-doj', 'Doppelganger'],
      ['us-fbi', 'Social Design Agency'],
    ]);
  });
});

describe('governments speaking through ministers, juries and views', () => {
  it('reads "calling out", "Norway\'s view that", and a grand jury as the Justice Department', () => {
    const d = run(
      "Title\n\nThe foreign secretary said London and Washington were together calling out the SVR for the SolarWinds compromise. It was Norway's view that Russia was behind the cyberattack on parliament. A federal grand jury has returned an indictment charging five officers of Unit 29155 with hacking.",
    );
    expect(d.claims.map((c) => [c.claimant.id, c.accused[0]!.id]).sort()).toEqual([
      ['gb', 'ru-svr'],
      ['no', 'ru'],
      ['us', 'ru-svr'],
      ['us-doj', 'ru-gru-29155'],
    ]);
  });

  it('lets "X, a Foreign Office minister," speak for the Foreign Office', () => {
    const d = run(
      'Title\n\nTariq Ahmad, a Foreign Office minister, said the North Korean group Lazarus had carried out the WannaCry attack.',
    );
    expect(d.claims[0]?.claimant.id).toBe('gb-fcdo');
  });
});

describe('linking responses to the claims they answer', () => {
  it('links a denial "at the time" to the claim just told, and a headline denial to all', () => {
    const d = run(
      'North Korea calls the hacking charges absurd\n\nThe FBI said Lazarus had stolen $600 million from a game company. In 2018 the MIVD said that the GRU had tried to hack into the OPCW. Moscow dismissed the allegations at the time. Britain also accused Lazarus of carrying out the WannaCry attack.',
    );
    const deniedBy = (accused: string) =>
      d.claims
        .filter((c) => c.accused.some((m) => m.id === accused))
        .map((c) => d.responses.some((r) => r.type === 'denial' && r.claim === c.id));
    expect(deniedBy('ru-gru')).toEqual([true]);
    expect(deniedBy('tg-lazarus')).toEqual([true, true]);
  });
});

describe('victims and offices are not the accused', () => {
  it('does not accuse a body named after what was done to it, nor a minister "responsible for" a bureau', () => {
    const d = run(
      'Title\n\nBritain said China state-affiliated actors had compromised the systems of the Electoral Commission. Jane Doe, the minister responsible for the bureau, said New Zealand would respond.',
    );
    expect(d.claims.flatMap((c) => c.accused.map((m) => m.country))).toEqual(['CN']);
  });
});

describe('words that only sometimes dismiss', () => {
  it('reads "malicious cyber operations" as an operation, not a dismissal', () => {
    const d = run(
      "Title\n\nThe Treasury Department said China's Ministry of State Security had used the firm to carry out malicious cyber operations.",
    );
    expect(d.claims.map((c) => [c.claimant.id, c.accused[0]!.id])).toEqual([['us-treasury', 'cn-mss']]);
  });
});

describe('condemnations', () => {
  it('reads condemning a campaign as accusing whoever ran it, and condemning accusations as a denial', () => {
    const d = run(
      'Title\n\nThe European Union condemned the malicious cyber campaign by the Russia-controlled APT28 against Germany. Moscow condemned the accusations by Germany of hacking as a smear.',
    );
    expect(d.claims.map((c) => [c.claimant.id, c.accused[0]!.id])).toEqual([['org-eu', 'tg-apt28']]);
  });

  it('reads "Russian state hackers" as a group of the state', () => {
    const d = run(
      'Title\n\nThe foreign office said Russian state hackers had attacked Germany in cyberspace.',
    );
    expect(d.claims[0]?.accused[0]).toMatchObject({ kind: 'threat-group', country: 'RU' });
  });
});

describe('nested speakers', () => {
  it('gives an accusing verb its own subject, not the speaker who reports it', () => {
    const d = run(
      'Title\n\nForeign Minister Marise Payne said Australia attributed the malicious activity against Ukraine to Russia. Meta named two Russian firms, Structura National Technologies and the Social Design Agency, as the operators behind it.',
    );
    expect(d.claims.map((c) => [c.claimant.id, c.accused[0]!.id])).toEqual([
      ['au', 'ru'],
      ['org-meta', 'tg-structura'],
    ]);
  });
});

describe('ruled-out operations and place names', () => {
  it('finds no claim when officials rule a cyberattack out, and "mainland Spain" is not China', () => {
    const d = run(
      'Title\n\nMADRID, June 17 - The blackout that plunged mainland Spain into darkness was caused by a surge in voltage, not by a cyberattack, the Spanish government said on Tuesday.',
    );
    expect(d.claims).toEqual([]);
  });

  it('lets "they" after a list of agencies stand for all of them', () => {
    const d = run(
      'Title\n\nThe advisory was signed by CISA and the FBI. The agencies said the group had stayed hidden. Instead, they assessed that Volt Typhoon was pre-positioning itself in networks.',
    );
    expect(claimants(d)).toEqual(['us-cisa', 'us-fbi']);
  });
});

describe('more ways to lay blame', () => {
  it.each([
    [
      'According to a statement from the FBI, North Korean hackers stole $100 million from the exchange.',
      'us-fbi',
      'KP',
    ],
    [
      "Microsoft's investigation found that Midnight Blizzard had broken into the email accounts of executives.",
      'org-microsoft',
      'RU',
    ],
    ['Estonia laid the blame for the cyberattacks on Russia.', 'ee', 'RU'],
    ['Ukraine pinned the hack on Russian military intelligence.', 'ua', 'RU'],
    ['Britain held the GRU responsible for the cyberattacks on the power grid.', 'gb', 'RU'],
    ['Investigators traced the intrusion to APT41, the FBI said.', 'us-fbi', 'CN'],
    ['The hack was the work of Sandworm, ESET said.', 'org-eset', 'RU'],
    ['Mandiant tied the campaign to UNC3886, a suspected Chinese espionage group.', 'org-mandiant', 'CN'],
  ])('%s', (sentence, claimant, country) => {
    const d = run(`Title\n\n${sentence}`);
    expect(d.claims.map((c) => [c.claimant.id, c.accused[0]!.country])).toContainEqual([claimant, country]);
  });
});

describe('denials in other words, and aliases given with "or"', () => {
  it('reads "had no involvement" as a denial and "X, or APT10," as one actor', () => {
    const d = run(
      "Title\n\nThe Justice Department said the men belonged to a group known as Advanced Persistent Threat 10, or APT10, and had hacked managed service providers. China's foreign ministry said Beijing had no involvement in the hacking.",
    );
    const c = d.claims.find((x) => x.claimant.id === 'us-doj');
    expect(c?.accused[0]!.id).toBe('tg-apt10');
    expect(d.responses.some((r) => r.type === 'denial' && r.claim === c?.id)).toBe(true);
  });
});

describe('tools and titled bodies', () => {
  it('takes "the malware known as WhisperGate" for a tool, and "the Department" for the body so named', () => {
    const d = run(
      'Title\n\nThe Justice Department charged five GRU officers. The indictment alleges that the men deployed the malware known as "WhisperGate" against Ukrainian systems. NATO members were also probed. The Attorney General said the charges reflected the Department\'s resolve against cyberattacks by the GRU.',
    );
    expect(d.claims.some((c) => c.accused.some((m) => m.name === 'WhisperGate'))).toBe(false);
    expect(d.claims.every((c) => c.claimant.id !== 'org-nato')).toBe(true);
  });
});

describe('ordinary news that is no cyber accusation', () => {
  it.each([
    'Ukraine said Russia was behind the Kramatorsk strike.',
    'The Pentagon said Iran-backed groups attacked US troops in Syria.',
    "Israel said the Kremlin's denial of involvement was false.",
    'The Kremlin, which was not involved in the talks, said Ukraine had shelled the plant.',
  ])('%s', (sentence) => {
    expect(run(`Title\n\n${sentence}`).claims).toEqual([]);
  });

  it('keeps claims that only look negated or dated', () => {
    for (const [sentence, accused] of [
      ['The FBI said on Tuesday APT28 had hacked the networks of several ministries.', 'tg-apt28'],
      ['The NSA said APT41 was responsible for no fewer than 58 cyberattacks on hospitals.', 'tg-apt41'],
      [
        "The Estonian Foreign Ministry's statement, published on Monday, said Moscow had ordered the cyberattacks.",
        'ru',
      ],
    ] as const) {
      const d = run(`Title\n\n${sentence}`);
      expect(d.claims.map((c) => c.accused[0]!.id)).toContain(accused);
    }
  });

  it('does not accuse the victim "called SolarWinds", nor let a first name stand for a spokesperson', () => {
    const d = run(
      "Title\n\nRussian hackers breached a software company called SolarWinds, the NSA said. Iran's foreign ministry spokesman Nasser Kanaani spoke. Nasser Ahmadi, a local shopkeeper, said Israel had hacked his till.",
    );
    expect(d.claims.flatMap((c) => c.accused.map((m) => m.name))).not.toContain('SolarWinds');
    expect(d.claims.some((c) => c.claimant.id === 'ir-mfa')).toBe(false);
  });

  it('decides between the US and British Treasury by the article', () => {
    const d = run(
      'Title\n\nLONDON, May 2 - The Treasury said Russian hackers had stolen data from British banks.',
    );
    expect(d.claims[0]?.claimant.id).toBe('gb-treasury');
  });
});

describe('people named by a charge', () => {
  it('accuses the people a charge names with the group it names first', () => {
    const d = run(
      'Title\n\nThe Justice Department charged five Chinese hackers, Zhang Haoran, Tan Dailin, Jiang Lizhi, Qian Chuan and Fu Qiang, with breaking into more than 100 companies.',
    );
    const names = d.claims[0]!.accused.map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['Zhang Haoran', 'Fu Qiang']));
    expect(d.claims[0]!.individualsNamed).toBe(5);
  });
});

describe('the body the accused act for', () => {
  it('accuses "the Ministry of State Security" that charged hackers worked on behalf of', () => {
    const d = run(
      'Title\n\nThe Justice Department charged seven Chinese nationals with hacking critics of Beijing on behalf of the Ministry of State Security.',
    );
    expect(d.claims[0]!.accused.map((m) => m.id)).toContain('cn-mss');
  });
});

describe('stock denials', () => {
  it('reads "opposes all forms of cyberattacks" as a denial of the claim against that state', () => {
    const d = run(
      'Title\n\nThe FBI said Chinese state hackers had broken into telecom networks. A Chinese embassy spokesperson said China firmly opposes and cracks down on all forms of cyberattacks.',
    );
    expect(d.responses.some((r) => r.type === 'denial' && r.claim === d.claims[0]?.id)).toBe(true);
  });
});

describe('the nationality of people accused alone', () => {
  it('gives a person charged alone the one nationality the sentence names', () => {
    const d = run(
      'Title\n\nThe Treasury Department sanctioned a Chinese national, Yin Kecheng, for hacking its networks.',
    );
    expect(d.claims[0]?.accused.find((m) => m.name === 'Yin Kecheng')?.country).toBe('CN');
  });
});

describe('attribution by a way of working', () => {
  it('accuses whose tactics an attack is said to bear', () => {
    const d = run(
      'Title\n\nCERT-UA said the cyberattack on the railway used tactics characteristic of the Russian special services. Separately, Dutch officials said a breach at a ministry bore the hallmarks of APT29.',
    );
    expect(d.claims.map((c) => c.accused[0]!.name)).toEqual(['Russian special services', 'APT29']);
  });
});

describe('a group said to operate for a sponsor, and agencies that share the assessment', () => {
  it('accuses the group and the services it is part of, and gives the claim to each agency that shares it', () => {
    const d = run(
      'Title\n\nThe NCSC said a cyber espionage group had targeted vaccine researchers. The NCSC assesses that the group, known as APT29 or "Cozy Bear", almost certainly operates as part of the Russian intelligence services. The assessment is shared by the National Security Agency and the FBI.',
    );
    expect(claimants(d)).toEqual(['gb-ncsc', 'us-fbi', 'us-nsa']);
    for (const c of d.claims) expect(c.accused.map((m) => m.id ?? m.name)).toContain('tg-apt29');
    expect(d.claims[0]!.accused.map((m) => m.name)).toContain('Russian intelligence services');
  });

  it('takes every name of a malware list for a tool, and "It" for the subject just named', () => {
    const d = run(
      'Title\n\nThe NCSC said APT29 had breached vaccine researchers. According to the advisory, APT29 scans the internet for unpatched systems. It also sends phishing emails. Once inside, the group deploys malware known as WellMess and WellMail.',
    );
    expect(d.claims.map((c) => c.accused[0]!.id ?? c.accused[0]!.name)).toEqual(['tg-apt29']);
  });
});

describe('more denials', () => {
  it('reads a claim "completely fabricated" in a spokesperson\'s answer as the issuer\'s denial', () => {
    const d = run(
      "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference\n\nQ: The UK said APT31 hacked the Electoral Commission. What is China's response?\n\nLin Jian: The so-called cyber attacks alleged by the UK are completely fabricated.",
    );
    const c = d.claims.find((x) => x.accused.some((m) => m.id === 'tg-apt31'));
    expect(c && denied(d, c)).toBe(true);
  });

  it('reads "told reporters the accusations were unfounded" and "never interfered" as denials', () => {
    for (const answer of [
      'The Kremlin spokesman told reporters on Monday that the accusations were unfounded.',
      'The Russian embassy said Russia had never interfered in the elections of other countries.',
    ]) {
      const d = run(
        `Title\n\nThe FBI said Russia ran a disinformation campaign about the election. ${answer}`,
      );
      expect(d.claims.length).toBeGreaterThan(0);
      expect(denied(d, d.claims[0]!)).toBe(true);
    }
  });

  it('does not take "the claims are not false" for a denial', () => {
    const d = run(
      'Title\n\nThe FBI said North Korean hackers stole the funds. An analyst said the claims were not false.',
    );
    expect(d.responses.filter((r) => r.type === 'denial')).toEqual([]);
  });
});

describe('lists, compounds, visits and one claim per sentence', () => {
  it("lists a unit written with its owner's name among the co-signers", () => {
    const d = run(
      "Title\n\nIn a joint advisory, the FBI, the US Cyber Command's Cyber National Mission Force and the National Security Agency said Flax Typhoon had built a botnet of hijacked internet-connected devices.",
    );
    expect(claimants(d)).toEqual(['us-cnmf', 'us-fbi', 'us-nsa']);
    expect(d.claims.every((c) => c.accused[0]!.id === 'tg-flax-typhoon')).toBe(true);
  });

  it('does not give a minister the country of a visit, and keeps a group and its service in one claim', () => {
    const d = run(
      "Title\n\nGermany said on Friday that Russian hackers had broken into party email accounts. Speaking during a visit to Australia, Foreign Minister Annalena Baerbock said the investigation led by her ministry had concluded that the intrusion was the work of APT28, a hacking group she described as steered by Russia's military intelligence service, the GRU.",
    );
    const minister = d.claims.filter((c) => c.accused.some((m) => m.id === 'tg-apt28'));
    expect(minister).toHaveLength(1);
    expect(minister[0]!.claimant.country).toBe('DE');
    expect(minister[0]!.accused.map((m) => m.id)).toContain('ru-gru');
  });
});

describe('bodies named twice, offices of known bodies and longer official names', () => {
  it('keeps a body renamed in apposition as one co-signer, and reads "the two agencies"', () => {
    const d = run(
      "Title\n\nIn February, South Korea's National Intelligence Service (NIS) and Germany's domestic intelligence agency, the Federal Office for the Protection of the Constitution (BfV), issued a joint advisory warning that North Korean cyber actors were targeting defence firms. The two agencies attributed a phishing campaign built on fake job offers to the Lazarus group.",
    );
    expect(claimants(d)).toEqual(['de-bfv', 'kr-nis']);
    for (const c of d.claims) expect(c.accused.map((m) => m.id)).toContain('tg-lazarus');
  });

  it('lets an office of a known body speak as that body, and does not read the Met inside a longer name', () => {
    const d = run(
      "Title\n\nAccording to the KNPA's National Office of Investigation, North Korean hackers broke into ten defence companies. In December, the Seoul Metropolitan Police Agency said Andariel had stolen a terabyte of data from defence firms.",
    );
    expect(d.claims.map((c) => c.claimant.country)).toEqual(['KR', 'KR']);
    expect(d.claims.some((c) => c.claimant.id === 'gb-met')).toBe(false);
  });
});

describe('names that never act', () => {
  it('takes well-known malware and operation names for tools, not actors or people', () => {
    const d = run(
      'Title\n\nKaspersky reported that the phones of many of its staff had been hacked in a campaign it named "Operation Triangulation". The FBI said North Korea was behind NotPetya-like attacks, and researchers said Log4j had been exploited by APT40 to breach government networks.',
    );
    const parties = d.claims.flatMap((c) => [c.claimant.name, ...c.accused.map((m) => m.name)]);
    expect(parties).not.toContain('Operation Triangulation');
    expect(parties).not.toContain('Log4j');
  });
});

describe('agreeing with a claim, and claimants named before "which"', () => {
  it('gives the claim just told to a government that shares the assessment', () => {
    const d = run(
      'Title\n\nThe FBI said North Korean hackers of the Lazarus Group had stolen the funds. The government of Japan publicly shared that assessment.',
    );
    expect(claimants(d)).toEqual(['jp', 'us-fbi']);
  });

  it('reads the agency before ", which published an advisory" as its author, even after "from"', () => {
    const d = run(
      'Title\n\nThe technical details came from the National Security Agency, which published an advisory describing dozens of hacking techniques used by APT40.',
    );
    expect(claimants(d)).toEqual(['us-nsa']);
  });
});

describe('coreference far into a long article', () => {
  it('finds "the group" after other coreferences earlier in the article', () => {
    const filler = Array.from({ length: 24 }, (_, k) => `Paragraph ${k + 1} is about something else.`).join(
      '\n\n',
    );
    const d = run(
      `Title\n\nSEOUL - Police said North Korean hackers had stolen court records. Investigators recovered few of the files, the police said.\n\n${filler}\n\nLazarus is one of the best-known hacking groups.\n\nThe group was blamed by the FBI in 2022 for the theft of $620 million in cryptocurrency.`,
    );
    expect(
      d.claims.some((c) => c.claimant.id === 'us-fbi' && c.accused.some((m) => m.id === 'tg-lazarus')),
    ).toBe(true);
  });
});

describe('places listed after a preposition', () => {
  it('does not take the second of "audiences in the United States and Canada" for the claimant', () => {
    const d = run(
      'Title\n\nMeta said it had removed accounts that targeted audiences in the United States and Canada, and traced the network to a company in Israel called STOIC that ran a disinformation campaign.',
    );
    expect(d.claims.map((c) => c.claimant.id)).not.toContain('ca');
  });
});

describe('indictments and the people they mention', () => {
  it('does not accuse the owner of what was hacked, nor let "the indictment" stand for a ministry', () => {
    const d = run(
      "Title\n\nThe Justice Department charged twelve GRU officers with hacking Hillary Clinton's campaign. Russia's foreign ministry dismissed the charges. A White House spokeswoman said the indictment showed no involvement by anyone on the campaign.",
    );
    const accused = d.claims.flatMap((c) => c.accused.map((m) => m.name));
    expect(accused).not.toContain('Hillary Clinton');
    expect(d.claims.map((c) => c.claimant.id)).toEqual(['us-doj']);
    expect(denied(d, d.claims[0]!)).toBe(true);
  });
});

describe('company officers, prosecutors, pronouns after an opening phrase, and more denials', () => {
  it("does not take a company's vice president for the state, nor its prosecutors for the company", () => {
    const d = run(
      "Title\n\nWhen Microsoft published its account of foreign hacking aimed at the US election, few were surprised. The report, written by Tom Burt, the company's corporate vice president, said APT28 had hacked election consultants. This is the same group that prosecutors working for the special counsel accused in 2018 of breaking into the Democratic National Committee.",
    );
    expect(d.claims.map((c) => c.claimant.id)).toEqual(['org-microsoft']);
    expect(d.claims[0]!.evidence).toHaveLength(1);
  });

  it('reads "According to Microsoft, it had …" as the group just named acting', () => {
    const d = run(
      'Title\n\nThe largest part of the report dealt with Strontium, the Russian group also known as APT28.\n\nAccording to Microsoft, it had hacked more than 200 organisations tied to the election.',
    );
    expect(d.claims.some((c) => c.claimant.id === 'org-microsoft' && c.accused[0]!.id === 'tg-apt28')).toBe(
      true,
    );
  });

  it('reads "no intention or motive to interfere" as a denial', () => {
    const d = run(
      "Title\n\nGoogle said APT42, which works for Iran's Revolutionary Guards, hacked campaign staff. Iran's mission to the United Nations said Tehran had no intention or motive to interfere in the election.",
    );
    expect(d.claims.length).toBeGreaterThan(0);
    expect(denied(d, d.claims[0]!)).toBe(true);
  });
});

describe('a country describing the body named after it', () => {
  it('gives the claim to "the US threat intelligence company Recorded Future", not to the US', () => {
    const d = run(
      'Title\n\nIn February the US threat intelligence company Recorded Future said a group it called RedEcho had targeted power grid operators.',
    );
    expect(d.claims.map((c) => c.claimant.id)).toEqual(['org-recorded-future']);
  });
});

describe('"of" a state after a body\'s name', () => {
  it('reads "the Ministry of Foreign Affairs of Georgia" as Georgian, and a long name "of the Russian Federation" as Russian', () => {
    const d = run(
      'Title\n\nThe Ministry of Foreign Affairs of Georgia said the cyberattack was carried out by the Main Division of the General Staff of the Armed Forces of the Russian Federation.',
    );
    expect(d.claims).toHaveLength(1);
    expect(d.claims[0]!.claimant.country).toBe('GE');
    expect(d.claims[0]!.accused[0]!.country).toBe('RU');
    expect(d.claims[0]!.accused[0]!.name).toMatch(/^Main Division of the General Staff/);
  });
});

describe('a state written with its officials', () => {
  it('keeps "US officials" among the names of the state that accuses', () => {
    const d = run(
      'Title\n\nUS officials speaking on condition of anonymity said the intrusion had been carried out by hackers working for the Chinese government.',
    );
    expect(d.claims[0]?.claimant.id).toBe('us');
    expect(d.claims[0]?.claimant.aliases).toContain('US officials');
  });
});

describe('surnames and named bodies', () => {
  it('reads "Shaun McNally" as no group, and "the commission" as no agency of another name', () => {
    const text =
      'Title\n\nThe National Cyber Security Centre said it had supported the investigation.\n\nShaun McNally, the chief executive, apologised. Asked about the delay, the commission said it first had to remove the attackers.';
    const mentions = findMentions(analyse(text), kb);
    expect(mentions.filter((m) => m.partyKind === 'threat-group')).toEqual([]);
    expect(mentions.find((m) => m.surface === 'the commission')).toBeUndefined();
  });
});

describe('sentences a review found misread', () => {
  const parties = (d: ExtractedDocument) =>
    d.claims.map((c) => `${c.claimant.name} > ${c.accused.map((m) => m.name).join(' + ')}`);

  it('keeps a country that acts before "the software company X", and ignores negated agreement', () => {
    expect(
      claimants(run('Title\n\nThe United States accused China of hacking the software company Microsoft.')),
    ).toEqual(['us']);
    for (const text of [
      'The FBI said the GRU hacked the election commission. Germany did not share that assessment.',
      'Mandiant said APT41 breached the agency. Microsoft shared its findings with the FBI.',
      'Mandiant said APT41 breached the agency. That conclusion was not supported by the FBI.',
    ])
      expect(run(`Title\n\n${text}`).claims).toHaveLength(1);
  });

  it('reads no accusation into "lacked the hallmarks of", a cleft "it was", or a war story that shut down power', () => {
    for (const text of [
      'Mandiant said the wiper attack lacked the hallmarks of Sandworm.',
      'Ukraine accused Russia of shelling the power plant, which shut down electricity to the region.',
    ])
      expect(parties(run(`Title\n\n${text}`))).toEqual([]);
    const cleft = run(
      'Title\n\nMicrosoft published a report on Tuesday. According to the FBI, it was Chinese hackers who had accessed the mailboxes.',
    );
    expect(parties(cleft).some((p) => p.includes('> Microsoft'))).toBe(false);
  });

  it('does not read "urged Moscow to never interfere" as a denial', () => {
    const d = run(
      'Title\n\nThe FBI said Russian hackers had broken into the network. The US urged Moscow to never interfere again.',
    );
    expect(d.responses.filter((r) => r.type === 'denial')).toEqual([]);
  });
});
