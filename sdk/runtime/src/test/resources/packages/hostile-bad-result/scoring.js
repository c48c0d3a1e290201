function score(input) { return { flags: [{ code: 'x', severity: 'warning', message: { en: 'English only' } }] }; }
