function score(input) { return { scales: { R: { label: { fr: 'R', en: 'R' }, raw: 1 } } }; }
