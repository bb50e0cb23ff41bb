"""Arabic text primitives: match keys, tokens, sentences, number words, calendars."""
