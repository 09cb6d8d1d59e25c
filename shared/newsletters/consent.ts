// The consent a newsletter subscriber gives, one text per language: the public page shows it and the API stores it.
export const SUBSCRIBE_CONSENT = {
  de: 'Ich möchte den Newsletter des amoN-Projekts (etwa zweimal im Jahr) per E-Mail erhalten. Meine E-Mail-Adresse wird nur dafür gespeichert. Ich kann den Newsletter jederzeit über den Link in jeder Ausgabe abbestellen; dann wird die Adresse gelöscht.',
  en: 'I would like to receive the amoN project newsletter (about twice a year) by e-mail. My e-mail address is stored for this purpose only. I can unsubscribe at any time through the link in every issue; the address is then deleted.',
} as const;
