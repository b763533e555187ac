#include "store/sqlite_migrations.h"

namespace eduledger::store::internal {

namespace {

constexpr std::string_view kOrgUnitsAndStudents = R"sql(
CREATE TABLE org_units (
  id                INTEGER PRIMARY KEY,
  code              TEXT    NOT NULL UNIQUE,
  name              TEXT    NOT NULL,
  parent_id         INTEGER REFERENCES org_units(id),
  level             INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  school_type       INTEGER NOT NULL DEFAULT 0,
  ownership         INTEGER NOT NULL DEFAULT 0,
  urban_rural       INTEGER NOT NULL DEFAULT 0,
  boarding          INTEGER NOT NULL DEFAULT 0,
  small_scale       INTEGER NOT NULL DEFAULT 0,
  central_school_id INTEGER REFERENCES org_units(id)
);
CREATE INDEX org_units_parent ON org_units(parent_id);

CREATE TABLE students (
  id           INTEGER PRIMARY KEY,
  id_type      TEXT    NOT NULL,
  id_number    TEXT,
  id_number_15 TEXT,
  student_no   TEXT,
  name         TEXT    NOT NULL,
  sex          INTEGER NOT NULL DEFAULT 0,
  birth_date   TEXT,
  ethnicity    INTEGER NOT NULL DEFAULT 0,
  hukou        INTEGER NOT NULL DEFAULT 0,
  disability   INTEGER NOT NULL DEFAULT 0,
  flags        INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX students_identity ON students(id_number, id_type) WHERE id_number IS NOT NULL;
CREATE UNIQUE INDEX students_student_no ON students(student_no) WHERE student_no IS NOT NULL;

CREATE TABLE enrolments (
  student_id   INTEGER NOT NULL REFERENCES students(id),
  school_year  INTEGER NOT NULL,
  org_unit_id  INTEGER NOT NULL REFERENCES org_units(id),
  grade        INTEGER NOT NULL,
  class_name   TEXT    NOT NULL DEFAULT '',
  admission_ym INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (student_id, school_year)
) WITHOUT ROWID;
CREATE INDEX enrolments_school ON enrolments(school_year, org_unit_id);

CREATE TABLE status_events (
  id                INTEGER PRIMARY KEY,
  student_id        INTEGER NOT NULL REFERENCES students(id),
  event_type        INTEGER NOT NULL,
  event_date        TEXT    NOT NULL,
  org_unit_id       INTEGER REFERENCES org_units(id),
  other_org_unit_id INTEGER REFERENCES org_units(id),
  note              TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX status_events_student ON status_events(student_id);
CREATE INDEX status_events_date ON status_events(event_date);
)sql";

constexpr std::string_view kAuditLog = R"sql(
CREATE TABLE audit_log (
  id     INTEGER PRIMARY KEY,
  at     TEXT NOT NULL,
  actor  TEXT NOT NULL,
  role   TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE audit_keys (
  audit_id    INTEGER NOT NULL REFERENCES audit_log(id),
  entity      TEXT    NOT NULL,
  change      TEXT    NOT NULL,
  school_year INTEGER NOT NULL DEFAULT 0,
  first_key   INTEGER NOT NULL,
  last_key    INTEGER NOT NULL
);
CREATE INDEX audit_keys_audit ON audit_keys(audit_id);
)sql";

constexpr std::string_view kStaff = R"sql(
CREATE TABLE staff (
  id          INTEGER PRIMARY KEY,
  id_type     TEXT    NOT NULL,
  id_number   TEXT    NOT NULL,
  name        TEXT    NOT NULL,
  sex         INTEGER NOT NULL DEFAULT 0,
  birth_date  TEXT,
  ethnicity   INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX staff_identity ON staff(id_number, id_type);

CREATE TABLE staff_assignments (
  staff_id      INTEGER NOT NULL REFERENCES staff(id),
  school_year   INTEGER NOT NULL,
  org_unit_id   INTEGER NOT NULL REFERENCES org_units(id),
  post          INTEGER NOT NULL DEFAULT 0,
  title         INTEGER NOT NULL DEFAULT 0,
  subject       TEXT    NOT NULL DEFAULT '',
  level_taught  INTEGER,
  qualification INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (staff_id, school_year)
) WITHOUT ROWID;
CREATE INDEX staff_assignments_school ON staff_assignments(school_year, org_unit_id);
)sql";

constexpr std::string_view kCollectedFigures = R"sql(
CREATE TABLE submissions (
  id            INTEGER PRIMARY KEY,
  data_set      TEXT    NOT NULL,
  org_unit_id   INTEGER NOT NULL REFERENCES org_units(id),
  period        INTEGER NOT NULL,
  state         TEXT    NOT NULL CHECK (state IN ('draft', 'submitted', 'approved', 'returned')),
  comment       TEXT    NOT NULL DEFAULT '',
  explanations  TEXT    NOT NULL DEFAULT '{}',
  ever_approved INTEGER NOT NULL DEFAULT 0,
  updated_at    TEXT    NOT NULL,
  updated_by    TEXT    NOT NULL,
  UNIQUE (data_set, org_unit_id, period)
);
CREATE INDEX submissions_period ON submissions(period);

CREATE TABLE data_values (
  submission_id  INTEGER NOT NULL REFERENCES submissions(id),
  element        TEXT    NOT NULL,
  disaggregation TEXT    NOT NULL DEFAULT '',
  value          TEXT    NOT NULL,
  PRIMARY KEY (submission_id, element, disaggregation)
) WITHOUT ROWID;

CREATE TABLE value_changes (
  id             INTEGER PRIMARY KEY,
  submission_id  INTEGER NOT NULL REFERENCES submissions(id),
  element        TEXT    NOT NULL,
  disaggregation TEXT    NOT NULL,
  old_value      TEXT    NOT NULL,
  new_value      TEXT    NOT NULL,
  at             TEXT    NOT NULL,
  actor          TEXT    NOT NULL
);
CREATE INDEX value_changes_submission ON value_changes(submission_id);

ALTER TABLE org_units ADD COLUMN affordable INTEGER NOT NULL DEFAULT 0;
)sql";

constexpr std::string_view kSettings = R"sql(
CREATE TABLE settings (
  key   TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// A student may hold two enrolments in one school year when a transfer explains the second:
// the one of the snapshot day at the school left, and the one at the school moved to, with
// the day the student joined it.
constexpr std::string_view kEnrolmentPerSchool = R"sql(
CREATE TABLE enrolments_by_school (
  student_id   INTEGER NOT NULL REFERENCES students(id),
  school_year  INTEGER NOT NULL,
  org_unit_id  INTEGER NOT NULL REFERENCES org_units(id),
  grade        INTEGER NOT NULL,
  class_name   TEXT    NOT NULL DEFAULT '',
  admission_ym INTEGER NOT NULL DEFAULT 0,
  joined_on    TEXT,
  PRIMARY KEY (student_id, school_year, org_unit_id)
) WITHOUT ROWID;
INSERT INTO enrolments_by_school (student_id, school_year, org_unit_id, grade, class_name,
                                  admission_ym)
  SELECT student_id, school_year, org_unit_id, grade, class_name, admission_ym FROM enrolments;
DROP TABLE enrolments;
ALTER TABLE enrolments_by_school RENAME TO enrolments;
CREATE INDEX enrolments_school ON enrolments(school_year, org_unit_id);
ALTER TABLE status_events ADD COLUMN other_school TEXT NOT NULL DEFAULT '';
)sql";

// Programme ledgers: cases with their own versions, their moves and their log entries.
constexpr std::string_view kCases = R"sql(
CREATE TABLE cases (
  id          INTEGER PRIMARY KEY,
  ledger      TEXT    NOT NULL,
  org_unit_id INTEGER NOT NULL REFERENCES org_units(id),
  state       TEXT    NOT NULL,
  opened      TEXT    NOT NULL,
  state_since TEXT    NOT NULL,
  fields      TEXT    NOT NULL DEFAULT '{}',
  responsible TEXT    NOT NULL DEFAULT '[]',
  origin      TEXT    NOT NULL DEFAULT '',
  version     INTEGER NOT NULL DEFAULT 1,
  updated_at  TEXT    NOT NULL,
  updated_by  TEXT    NOT NULL
);
CREATE INDEX cases_ledger ON cases(ledger, org_unit_id);
CREATE UNIQUE INDEX cases_origin ON cases(ledger, origin) WHERE origin <> '';
CREATE TABLE case_moves (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES cases(id),
  transition TEXT    NOT NULL,
  from_state TEXT    NOT NULL,
  to_state   TEXT    NOT NULL,
  day        TEXT    NOT NULL,
  comment    TEXT    NOT NULL DEFAULT '',
  at         TEXT    NOT NULL,
  actor      TEXT    NOT NULL,
  role       TEXT    NOT NULL
);
CREATE INDEX case_moves_case ON case_moves(case_id);
CREATE TABLE case_entries (
  id      INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  entry   TEXT    NOT NULL,
  day     TEXT    NOT NULL,
  fields  TEXT    NOT NULL DEFAULT '{}',
  at      TEXT    NOT NULL,
  actor   TEXT    NOT NULL
);
CREATE INDEX case_entries_case ON case_entries(case_id);
)sql";

constexpr Migration kMigrations[] = {
    {1, "org units, students, enrolments, status events", kOrgUnitsAndStudents},
    {2, "audit log", kAuditLog},
    {3, "staff and their yearly assignments", kStaff},
    {4, "collected figures: submissions, data values, changes after approval", kCollectedFigures},
    {5, "settings of the installation (the bureau's own org unit)", kSettings},
    {6,
     "enrolments keyed by school too (a transfer within a school year); a transfer's school "
     "outside the county",
     kEnrolmentPerSchool},
    {7, "programme ledgers: cases, their moves and log entries", kCases},
};

}  // namespace

std::span<const Migration> SqliteMigrations() { return kMigrations; }

}  // namespace eduledger::store::internal
