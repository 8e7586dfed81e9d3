/** Random container names in the style of Docker's namesgenerator: `adjective_surname`. */
const adjectives = [
  "admiring", "adoring", "affectionate", "amazing", "awesome", "blissful", "bold", "brave", "charming", "clever",
  "compassionate", "competent", "condescending", "confident", "cool", "dazzling", "determined", "dreamy", "eager",
  "ecstatic", "elastic", "elated", "elegant", "epic", "exciting", "fervent", "festive", "flamboyant", "focused",
  "friendly", "frosty", "funny", "gallant", "gifted", "goofy", "gracious", "great", "happy", "hardcore", "heuristic",
  "hopeful", "hungry", "infallible", "inspiring", "intelligent", "interesting", "jolly", "jovial", "keen", "kind",
  "laughing", "loving", "lucid", "magical", "modest", "musing", "mystifying", "naughty", "nervous", "nice", "nifty",
  "nostalgic", "objective", "optimistic", "peaceful", "pedantic", "pensive", "practical", "priceless", "quirky",
  "quizzical", "recursing", "relaxed", "reverent", "romantic", "sad", "serene", "sharp", "silly", "sleepy", "stoic",
  "strange", "stupefied", "suspicious", "sweet", "tender", "thirsty", "trusting", "unruffled", "upbeat", "vibrant",
  "vigilant", "vigorous", "wizardly", "wonderful", "xenodochial", "youthful", "zealous", "zen",
];
const surnames = [
  "albattani", "allen", "almeida", "archimedes", "ardinghelli", "babbage", "banach", "bardeen", "bartik", "bell",
  "bhabha", "blackwell", "bohr", "booth", "borg", "bose", "brahmagupta", "brown", "carson", "cerf", "chandrasekhar",
  "chatterjee", "cori", "curie", "darwin", "davinci", "dijkstra", "easley", "einstein", "elion", "engelbart", "euclid",
  "euler", "faraday", "fermat", "fermi", "feynman", "franklin", "galileo", "gauss", "goldberg", "goodall", "hamilton",
  "hawking", "heisenberg", "hodgkin", "hopper", "hypatia", "jang", "jemison", "jennings", "johnson", "kalam",
  "kapitsa", "kepler", "khorana", "knuth", "kowalevski", "lamarr", "lamport", "leakey", "lovelace", "lumiere",
  "mayer", "mccarthy", "mcclintock", "meitner", "mendel", "mirzakhani", "montalcini", "moore", "morse", "napier",
  "newton", "nightingale", "nobel", "noether", "pascal", "pasteur", "payne", "perlman", "pike", "poincare", "ramanujan",
  "ride", "ritchie", "rosalind", "sammet", "shannon", "shockley", "sinoussi", "stonebraker", "swartz", "tesla",
  "thompson", "torvalds", "turing", "volhard", "wescoff", "wilbur", "wiles", "williams", "wozniak", "wright", "yalow",
];

/** A fresh name not in `taken`; `pick` returns an index below its argument (random by default). */
export function generateName(taken: (name: string) => boolean, pick: (n: number) => number = (n) => Math.floor(Math.random() * n)): string {
  for (let attempt = 0; ; attempt++) {
    let name = `${adjectives[pick(adjectives.length)]}_${surnames[pick(surnames.length)]}`;
    // As namesgenerator does on retries, add a digit to escape a collision.
    if (attempt > 0) name += String(pick(10));
    if (name !== "boring_wozniak" && !taken(name)) return name;
  }
}
