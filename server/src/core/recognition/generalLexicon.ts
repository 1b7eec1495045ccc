// General knowledge word lists: titles that precede names, words that end organization or place names, and a few
// country aliases and demonyms that the country data lacks. Training compiles them into the model's lexicon; the
// role finder uses the titles at run time.

export const GENERAL_LEXICON = {
  titles: [
    'president', 'vice', 'minister', 'prime', 'chancellor', 'secretary', 'senator', 'sen.', 'rep.', 'representative',
    'governor', 'gov.', 'mayor', 'king', 'queen', 'prince', 'princess', 'emperor', 'pope', 'cardinal', 'archbishop',
    'bishop', 'rabbi', 'imam', 'sheikh', 'ayatollah', 'general', 'gen.', 'admiral', 'adm.', 'colonel', 'col.',
    'lieutenant', 'lt.', 'major', 'maj.', 'captain', 'capt.', 'sergeant', 'sgt.', 'commander', 'chief', 'director',
    'ambassador', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'chairwoman', 'chairperson',
    'chair', 'ceo', 'founder', 'judge', 'justice', 'attorney', 'prosecutor', 'dr', 'dr.', 'mr', 'mr.', 'mrs', 'mrs.',
    'ms', 'ms.', 'prof', 'prof.', 'professor', 'coach', 'captain', 'striker', 'midfielder', 'defender', 'goalkeeper',
    'referee', 'sir', 'dame', 'lord', 'lady', 'saint', 'st.', 'father', 'rev.', 'reverend', 'deputy', 'officer',
    'inspector', 'detective', 'constable', 'sheriff', 'councillor', 'councilman', 'councilwoman', 'congressman',
    'congresswoman', 'lawmaker', 'leader', 'premier', 'president-elect', 'dictator', 'monarch', 'sultan', 'emir',
    'tsar', 'czar', 'crown', 'duke', 'duchess', 'count', 'countess', 'baron', 'marshal', 'commissioner', 'treasurer',
    'economist', 'analyst', 'correspondent', 'editor', 'anchor', 'host', 'author', 'writer', 'singer', 'actor',
    'actress', 'director-general', 'secretary-general', 'undersecretary', 'adviser', 'advisor', 'aide', 'dean',
    'rector', 'provost', 'superintendent', 'pastor', 'priest', 'brother', 'sister', 'uncle', 'aunt', 'grandfather',
    'grandmother', 'student', 'teacher', 'player', 'manager', 'owner', 'astronaut', 'scientist', 'researcher',
  ],
  organizationWords: [
    'inc', 'inc.', 'corp', 'corp.', 'corporation', 'company', 'co.', 'ltd', 'ltd.', 'llc', 'plc', 'gmbh', 'ag', 'sa',
    'group', 'holdings', 'bank', 'university', 'college', 'institute', 'school', 'academy', 'council', 'committee',
    'commission', 'agency', 'administration', 'department', 'ministry', 'office', 'bureau', 'service', 'services',
    'authority', 'board', 'party', 'union', 'association', 'federation', 'foundation', 'society', 'league', 'club',
    'church', 'army', 'navy', 'force', 'forces', 'police', 'court', 'parliament', 'assembly', 'congress', 'senate',
    'news', 'times', 'post', 'journal', 'magazine', 'press', 'radio', 'television', 'tv', 'network', 'airlines',
    'airways', 'motors', 'technologies', 'systems', 'labs', 'laboratories', 'organization', 'organisation',
    'fund', 'trust', 'alliance', 'coalition', 'movement', 'front', 'brigade', 'regiment', 'division', 'corps',
    'guard', 'team', 'fc', 'united', 'studios', 'records', 'entertainment', 'media', 'hospital', 'museum',
  ],
  placeWords: [
    'street', 'st.', 'road', 'avenue', 'boulevard', 'square', 'park', 'bridge', 'river', 'lake', 'sea', 'ocean',
    'bay', 'gulf', 'island', 'islands', 'mountain', 'mountains', 'mount', 'mt.', 'valley', 'desert', 'county',
    'province', 'state', 'region', 'district', 'city', 'town', 'village', 'peninsula', 'coast', 'beach', 'airport',
    'station', 'stadium', 'arena', 'canal', 'strait', 'forest', 'hills', 'falls', 'harbor', 'harbour', 'port',
  ],
  /** Country names in common use that the country list spells otherwise. */
  countryAliases: [
    'America', 'Britain', 'Great Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'Holland',
    'Russian Federation', 'Korea', 'Burma', 'Ivory Coast', 'Czech Republic', 'Vatican', 'Congo', 'Persia',
    'Soviet Union', 'USSR', 'U.S.', 'U.S.A.', 'US', 'USA', 'UK', 'U.K.', 'UAE', 'DRC', 'Palestine', 'Taiwan',
    'Crimea', 'Donbas', 'Donbass', 'Europe', 'Asia', 'Africa', 'North America', 'South America', 'Latin America',
    'Middle East', 'Antarctica', 'Oceania', 'Scandinavia', 'Balkans', 'Caribbean', 'Siberia', 'Kosovo',
  ],
  demonyms: [
    'British', 'English', 'Scottish', 'Welsh', 'Irish', 'American', 'Soviet', 'European', 'Asian', 'African',
    'Western', 'Eastern', 'Arab', 'Kurdish', 'Palestinian', 'Israeli', 'Chinese', 'Russian', 'Ukrainian', 'Korean',
    'Latin', 'Hispanic', 'Jewish', 'Muslim', 'Christian', 'Catholic', 'Sunni', 'Shia', 'Shiite', 'Persian', 'Tamil',
  ],
  /** Institutions usually named by their seat or a short name: organizations whatever the context suggests. */
  organizations: [
    'Kremlin', 'White House', 'Pentagon', 'State Department', 'Foreign Office', 'Home Office', 'Élysée', 'Elysee',
    'NATO', 'OSCE', 'IMF', 'Interfax', 'Reuters', 'Associated Press', 'TASS',
  ],
  /** Capitalized words that are rarely names by themselves. */
  commonWords: [
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
    'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'i', 'the', 'a',
  ],
};
