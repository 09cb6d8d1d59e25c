// The product's own German texts: resource names, field labels, choices and messages.
import { DISTRICT_LABELS } from '#shared/regions.ts';

export const appGerman = {
  amon: {
    title: 'amoN Nachqualifizierung',
    language: 'Sprache',
    export_csv: 'CSV',
    export_xlsx: 'Excel',
    yes: 'ja',
    no: 'nein',
    login: {
      title: 'Anmeldung',
      hint: 'Melden Sie sich mit Ihrer dienstlichen E-Mail-Adresse an.',
      cognito: 'Weiter zur Anmeldung',
      failed: 'E-Mail-Adresse oder Passwort ist falsch.',
    },
    errors: {
      version_conflict: 'Der Datensatz wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu.',
      server: 'Der Server hat die Anfrage abgelehnt.',
    },
    kinds: {
      job_agency: 'Agentur für Arbeit',
      job_centre: 'Jobcenter',
      chamber: 'Kammer (IHK/HWK)',
      ministry: 'Ministerium',
      union: 'Gewerkschaft',
      training_provider: 'Bildungsträger',
      migrant_organisation: 'Migrantenorganisation',
      company: 'Unternehmen',
      research: 'Forschung',
      association: 'Verband',
      other: 'Sonstige',
    },
    networks: { regional: 'Regionales Netzwerk', nq_netz_mv: 'NQ-Netz MV' },
    districts: DISTRICT_LABELS,
    roles: { admin: 'Administration', counsellor: 'Beratung', coordinator: 'Netzwerkkoordination' },
    user_status: { invited: 'eingeladen', active: 'aktiv' },
  },
  resources: {
    members: {
      name: 'Netzwerkpartner |||| Netzwerkpartner',
      empty: 'Noch keine Netzwerkpartner',
      filters: { q: 'Name beginnt mit …', kind: 'Art', steeringCommittee: 'Lenkungskreis', subscribed: 'Monatsbericht' },
      sections: { organisation: 'Organisation', contacts: 'Kontakte', network: 'Netzwerk und Monatsbericht', notes: 'Notizen' },
      fields: {
        name: 'Name der Organisation',
        kind: 'Art',
        address: { street: 'Straße und Hausnummer', postcode: 'PLZ', city: 'Ort' },
        district: 'Landkreis / kreisfreie Stadt',
        contacts: 'Kontakte',
        'contacts.name': 'Name',
        'contacts.role': 'Funktion',
        'contacts.email': 'E-Mail',
        'contacts.phone': 'Telefon',
        'contacts.receivesDigest': 'erhält den Monatsbericht',
        steeringCommittee: 'Mitglied im Lenkungskreis',
        networks: 'Netzwerke',
        digestSubscribed: 'Monatsbericht abonniert',
        digestSince: 'abonniert seit',
        digestUnsubscribedAt: 'abbestellt am',
        notes: 'Notizen',
        updatedAt: 'Zuletzt geändert',
        createdAt: 'Angelegt',
        version: 'Version',
      },
    },
    users: {
      name: 'Konto |||| Konten',
      fields: {
        email: 'E-Mail-Adresse',
        name: 'Name',
        roles: 'Rollen',
        enabled: 'aktiv',
        status: 'Status',
        createdAt: 'Angelegt',
        updatedAt: 'Zuletzt geändert',
      },
      invite_hint: 'Die Person erhält eine E-Mail mit einem vorläufigen Passwort.',
    },
  },
};

/** Every language must provide the same keys as German. */
export type AppMessages = typeof appGerman;
