import type { Migration } from '../migrate';

/**
 * The counter intake: persons, cases (the application as JSON plus the columns lists and search
 * need), the household parties (applicant, members, supporters, agent) as the search index,
 * income and assets per case, the timeline, statutory deadlines, attachments and authorizations.
 * Owned by main/core/cases (see its README).
 */
export const m0100cases: Migration = {
  version: 100,
  name: '0100-cases',
  up(db) {
    db.exec(`
      CREATE TABLE person (
        id_number TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        sex TEXT NOT NULL CHECK (sex IN ('男', '女')),
        birth_date TEXT NOT NULL,
        nation_code TEXT,
        address TEXT,
        phone TEXT,
        card_valid_until TEXT,
        source TEXT NOT NULL CHECK (source IN ('card', 'typed')),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_file (
        id TEXT PRIMARY KEY,
        case_no TEXT UNIQUE,
        state TEXT NOT NULL,
        type TEXT,
        subtype TEXT,
        channel TEXT NOT NULL CHECK (channel IN ('counter', 'proxy', 'online')),
        applicant_id_number TEXT,
        applicant_name TEXT,
        household_size INTEGER NOT NULL DEFAULT 0,
        related_party INTEGER NOT NULL DEFAULT 0 CHECK (related_party IN (0, 1)),
        version INTEGER NOT NULL DEFAULT 0,
        draft_rev INTEGER NOT NULL DEFAULT 0,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        submitted_at TEXT,
        accepted_on TEXT,
        demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
      ) STRICT;
      CREATE INDEX case_by_updated ON case_file(updated_at DESC);
      CREATE INDEX case_by_state ON case_file(state, updated_at DESC);
      CREATE INDEX case_by_creator ON case_file(created_by, state);
      CREATE INDEX case_by_applicant ON case_file(applicant_id_number);

      CREATE TABLE case_party (
        case_id TEXT NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('applicant', 'member', 'supporter', 'agent')),
        id_number TEXT NOT NULL,
        name TEXT NOT NULL,
        initials TEXT NOT NULL,
        phone TEXT,
        relationship TEXT,
        facts TEXT,
        PRIMARY KEY (case_id, role, id_number)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX party_by_id ON case_party(id_number);
      CREATE INDEX party_by_name ON case_party(name);
      CREATE INDEX party_by_initials ON case_party(initials);
      CREATE INDEX party_by_phone ON case_party(phone) WHERE phone IS NOT NULL;

      CREATE TABLE case_income (
        case_id TEXT NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        line INTEGER NOT NULL,
        member_id_number TEXT NOT NULL,
        category TEXT NOT NULL,
        counted INTEGER NOT NULL CHECK (counted IN (0, 1)),
        monthly_fen INTEGER NOT NULL CHECK (monthly_fen >= 0),
        PRIMARY KEY (case_id, line)
      ) STRICT;

      CREATE TABLE case_asset (
        case_id TEXT NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        line INTEGER NOT NULL,
        kind TEXT NOT NULL,
        value_fen INTEGER NOT NULL CHECK (value_fen >= 0),
        exempt INTEGER NOT NULL CHECK (exempt IN (0, 1)),
        PRIMARY KEY (case_id, line)
      ) STRICT;

      CREATE TABLE case_event (
        case_id TEXT NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT,
        note TEXT,
        PRIMARY KEY (case_id, seq)
      ) STRICT;

      CREATE TABLE case_deadline (
        case_id TEXT NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('investigation_start', 'decision', 'refusal_notice')),
        from_date TEXT NOT NULL,
        working_days INTEGER NOT NULL,
        due_date TEXT NOT NULL,
        met_at TEXT,
        reason TEXT,
        PRIMARY KEY (case_id, kind)
      ) STRICT;
      CREATE INDEX deadline_open ON case_deadline(due_date) WHERE met_at IS NULL;

      CREATE TABLE case_attachment (
        attachment_id TEXT PRIMARY KEY REFERENCES attachment(id),
        case_id TEXT NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('material', 'signature', 'face')),
        ref TEXT NOT NULL,
        page INTEGER NOT NULL DEFAULT 0,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_attachment_by_case ON case_attachment(case_id);

      CREATE TABLE case_authorization (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        signer_id_number TEXT NOT NULL,
        signer_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('member', 'supporter')),
        signed_at TEXT NOT NULL,
        signature_attachment_id TEXT NOT NULL REFERENCES attachment(id),
        face_attachment_id TEXT REFERENCES attachment(id),
        face_verdict TEXT,
        recorded_by TEXT NOT NULL,
        UNIQUE (case_id, signer_id_number)
      ) STRICT;

      CREATE TABLE case_counter (
        year INTEGER PRIMARY KEY,
        next INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
