/**
 * MITRE ATT&CK and DISARM technique ids, added only where the evidence text states the behaviour.
 * Ids and names as published by MITRE ATT&CK (Enterprise) and the DISARM Red framework.
 */
import type { Operation, Technique } from '../types.js';

interface TechniqueRule {
  readonly technique: Technique;
  /** The operation the claim must carry for the rule to apply. */
  readonly operation: Operation;
  readonly cue: RegExp;
}

const attack = (id: string, name: string): Technique => ({ framework: 'attack', id, name });
const disarm = (id: string, name: string): Technique => ({ framework: 'disarm', id, name });

const RULES: readonly TechniqueRule[] = [
  // e.g. "sending phishing emails to key units"
  { operation: 'phishing', cue: /\b(?:spear-?)?phishing\b/i, technique: attack('T1566', 'Phishing') },
  // e.g. "DDoS attacks knocked government portals offline"
  {
    operation: 'disruption',
    cue: /\bddos\b|denial[- ]of[- ]service/i,
    technique: attack('T1498', 'Network Denial of Service'),
  },
  // e.g. "defaced dozens of websites"
  {
    operation: 'disruption',
    cue: /\bdefac(?:e|ed|ing|ement)s?\b/i,
    technique: attack('T1491', 'Defacement'),
  },
  // e.g. "deployed a wiper that erased data"
  {
    operation: 'destruction',
    cue: /\bwipers?\b|\b(?:destroy|destroyed|erased?|wiped)\s+(?:\w+\s+){0,2}data\b/i,
    technique: attack('T1485', 'Data Destruction'),
  },
  // e.g. "encrypted the hospital's files with ransomware"
  {
    operation: 'ransomware',
    cue: /\bransomware\b/i,
    technique: attack('T1486', 'Data Encrypted for Impact'),
  },
  // e.g. "exploited a vulnerability in internet-facing routers"
  {
    operation: 'intrusion',
    cue: /\bexploit(?:ed|ing|s)?\s+(?:\w+\s+){0,4}(?:vulnerabilit|flaw|bug)/i,
    technique: attack('T1190', 'Exploit Public-Facing Application'),
  },
  // e.g. "using stolen credentials" / "valid accounts"
  {
    operation: 'intrusion',
    cue: /\b(?:stolen|valid|compromised)\s+(?:credentials|accounts)\b/i,
    technique: attack('T1078', 'Valid Accounts'),
  },
  // e.g. "password-spraying attacks"
  {
    operation: 'intrusion',
    cue: /\bbrute[- ]forc|password[- ]spray/i,
    technique: attack('T1110', 'Brute Force'),
  },
  // e.g. "a network of fake accounts on social media"
  {
    operation: 'disinformation',
    cue: /\b(?:fake|inauthentic|bogus|sock-?puppet)\s+(?:social media\s+)?(?:accounts|profiles|personas)\b/i,
    technique: disarm('T0090', 'Create Inauthentic Accounts'),
  },
  // e.g. "cloned the websites of French newspapers", "fake news sites"
  {
    operation: 'disinformation',
    cue: /\b(?:fake|cloned|spoofed|counterfeit|lookalike|imitation)\s+(?:news\s+)?(?:web)?sites?\b|\bcloned\s+(?:\w+\s+){0,3}(?:web)?sites\b/i,
    technique: disarm('T0013', 'Create Inauthentic Websites'),
  },
  // e.g. "staged videos", "deepfake clips"
  {
    operation: 'disinformation',
    cue: /\b(?:staged|fabricated|fake|deepfake)\s+videos?\b|\bdeepfakes?\b/i,
    technique: disarm('T0087', 'Develop Video-Based Content'),
  },
];

/** Techniques that the claim's operations and its evidence text both support. */
export function techniquesFor(operations: readonly Operation[], evidenceText: string): Technique[] {
  const out: Technique[] = [];
  for (const r of RULES) {
    if (!operations.includes(r.operation) || !r.cue.test(evidenceText)) continue;
    if (!out.some((t) => t.id === r.technique.id)) out.push(r.technique);
  }
  return out;
}
