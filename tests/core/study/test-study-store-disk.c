/* test-study-store-disk.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "nichiro-study-store.h"
#include "nichiro-test-utils.h"
#include "study-crash-check.h"

/* The study file on disk, when things go wrong: what cannot be read is
 * kept aside, what cannot be saved stays in memory, and a crash never
 * leaves half a file. test-study-store.c tests the store when all goes
 * well. */

static NichiroDataset *small;

static gboolean
store_saved (gpointer data)
{
  return !nichiro_study_store_has_unsaved_changes (data);
}

/* Files that cannot be read are kept aside. */

typedef struct
{
  const char *name;
  const char *text;
  gssize length;
  const char *reason;
} CorruptCase;

static const CorruptCase corrupt_cases[] = {
  { "empty", "", 0, "empty" },
  { "blank", "  \n\n ", -1, "empty" },
  { "truncated", "{\"format\": \"nichiro-study\", \"version\": 1, \"datasets\": {\"test-small\": {\"entr", -1, NULL },
  { "invalid-utf8", "{\"format\": \"nichiro-study\", \"version\": 1, \"datasets\": {\"d\": {\"entries\": "
                    "{\"e\": {\"note\": \"caf\xe9\"}}}}}", -1, "UTF-8" },
  { "nul-byte", "{\"format\": \"nichiro-study\",\0 \"version\": 1}", 41, NULL },
  { "not-json", "studied: yes\n", -1, NULL },
  { "comment", "{\"format\": \"nichiro-study\", \"version\": 1 /* no */}", -1, NULL },
  { "trailing-text", "{\"format\": \"nichiro-study\", \"version\": 1} {}", -1, NULL },
  { "array", "[1, 2, 3]", -1, "array" },
  { "string", "\"nichiro-study\"", -1, "string" },
  { "wrong-format", "{\"format\": \"nichiro-dataset\", \"version\": 1}", -1, "not a Nichiro study file" },
  { "no-version", "{\"format\": \"nichiro-study\"}", -1, "version" },
  { "version-zero", "{\"format\": \"nichiro-study\", \"version\": 0}", -1, "version" },
  { "version-string", "{\"format\": \"nichiro-study\", \"version\": \"1\"}", -1, "version" },
  { "version-fraction", "{\"format\": \"nichiro-study\", \"version\": 1.5}", -1, "version" },
  { "datasets-array", "{\"format\": \"nichiro-study\", \"version\": 1, \"datasets\": []}", -1, "datasets" },
  { "dataset-string", "{\"format\": \"nichiro-study\", \"version\": 1, \"datasets\": {\"d\": \"x\"}}", -1,
    "datasets › d" },
  { "entries-array", "{\"format\": \"nichiro-study\", \"version\": 1, \"datasets\": {\"d\": {\"entries\": [1]}}}",
    -1, "entries" },
  { "entry-number", "{\"format\": \"nichiro-study\", \"version\": 1, \"datasets\": {\"d\": {\"entries\": "
                    "{\"e\": 3}}}}", -1, "entries › e" },
  { "studied-string", "{\"format\": \"nichiro-study\", \"version\": 1, \"datasets\": {\"d\": {\"entries\": "
                      "{\"e\": {\"studied\": \"yes\"}}}}}", -1, "studied is a string; expected true or false" },
  { "bookmarked-number", "{\"format\": \"nichiro-study\", \"version\": 1, \"datasets\": {\"d\": {\"entries\": "
                         "{\"e\": {\"bookmarked\": 1}}}}}", -1, "bookmarked" },
  { "note-object", "{\"format\": \"nichiro-study\", \"version\": 1, \"datasets\": {\"d\": {\"entries\": "
                   "{\"e\": {\"note\": {}}}}}}", -1, "note is an object; expected a string" },
  { "page-array", "{\"format\": \"nichiro-study\", \"version\": 1, \"datasets\": {\"d\": {\"entries\": "
                  "{\"e\": {\"page\": [47]}}}}}", -1, "page" },
  { "modified-bool", "{\"format\": \"nichiro-study\", \"version\": 1, \"datasets\": {\"d\": {\"entries\": "
                     "{\"e\": {\"modified\": true}}}}}", -1, "modified" },
  { "history-numbers", "{\"format\": \"nichiro-study\", \"version\": 1, \"datasets\": {\"d\": "
                       "{\"history\": [\"a\", 2]}}}", -1, "history" },
  { "last-entry-number", "{\"format\": \"nichiro-study\", \"version\": 1, \"datasets\": {\"d\": "
                         "{\"last_entry\": 5}}}", -1, "last_entry" },
};

/* Checks that the store started afresh and kept what was at its path as
 * the one "study.json.corrupt-…" next to it, byte for byte. */
static void
assert_kept_aside (NichiroTestHome   *fixture,
                   NichiroStudyStore *store,
                   const char        *original,
                   gsize              length)
{
  g_autoptr(GPtrArray) kept = nichiro_test_list_names (fixture->dir, "study.json.corrupt-");
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_path = NULL;
  const char *message = nichiro_study_store_get_recovery_message (store);

  g_assert_cmpuint (kept->len, ==, 1);
  kept_path = g_build_filename (fixture->dir, g_ptr_array_index (kept, 0), NULL);

  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, kept_path));
  g_assert_false (nichiro_study_store_get_read_only (store));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  if (original != NULL)
    {
      gsize kept_length;
      g_autofree char *kept_text = nichiro_test_read_text (kept_path, &kept_length);

      g_assert_cmpmem (kept_text, kept_length, original, length);
    }

  /* The new file starts empty and is written as usual. */
  g_assert_false (nichiro_study_store_get_studied (store, "d", "e"));
  g_assert_true (nichiro_study_store_set_studied (store, "d", "e", TRUE, &error));
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
}

static void
test_corrupt (NichiroTestHome *fixture,
              gconstpointer    data)
{
  const CorruptCase *corrupt = data;
  gsize length = corrupt->length < 0 ? strlen (corrupt->text) : (gsize) corrupt->length;
  NichiroStudyStore *store;

  nichiro_test_write_text (fixture->path, corrupt->text, length);
  store = nichiro_study_store_new (fixture->path);
  g_test_message ("%s", nichiro_study_store_get_recovery_message (store));
  if (corrupt->reason != NULL)
    g_assert_nonnull (strstr (nichiro_study_store_get_recovery_message (store), corrupt->reason));
  assert_kept_aside (fixture, store, corrupt->text, length);
  g_assert_finalize_object (store);
}

static void
test_corrupt_directory (NichiroTestHome *fixture,
                        gconstpointer    data)
{
  g_autofree char *inside = g_build_filename (fixture->path, "something.txt", NULL);
  g_autoptr(GPtrArray) kept = NULL;
  g_autofree char *kept_inside = NULL;
  NichiroStudyStore *store;

  g_assert_cmpint (g_mkdir (fixture->path, 0700), ==, 0);
  nichiro_test_write_text (inside, "not ours", -1);

  store = nichiro_study_store_new (fixture->path);
  g_assert_nonnull (strstr (nichiro_study_store_get_recovery_message (store), "folder"));
  assert_kept_aside (fixture, store, NULL, 0);

  kept = nichiro_test_list_names (fixture->dir, "study.json.corrupt-");
  kept_inside = g_build_filename (fixture->dir, g_ptr_array_index (kept, 0), "something.txt", NULL);
  g_assert_true (g_file_test (kept_inside, G_FILE_TEST_IS_REGULAR));
  g_assert_finalize_object (store);
}

/* A pipe would never end: reading it would hang the start. */
static void
test_corrupt_pipe (NichiroTestHome *fixture,
                   gconstpointer    data)
{
  NichiroStudyStore *store;

  g_assert_cmpint (mkfifo (fixture->path, 0600), ==, 0);
  store = nichiro_study_store_new (fixture->path);
  g_assert_nonnull (strstr (nichiro_study_store_get_recovery_message (store), "not a regular file"));
  assert_kept_aside (fixture, store, NULL, 0);
  g_assert_finalize_object (store);
}

/* Whether a file with no permissions at all is closed to this process.
 * Root reads it anyway, unless it runs without CAP_DAC_OVERRIDE, as in
 * flatpak-builder's sandbox. */
static gboolean
permissions_apply (NichiroTestHome *fixture)
{
  g_autofree char *probe = g_build_filename (fixture->dir, "probe", NULL);
  int fd;

  nichiro_test_write_text (probe, "", -1);
  g_assert_cmpint (g_chmod (probe, 0), ==, 0);
  fd = open (probe, O_RDONLY);
  if (fd >= 0)
    close (fd);
  g_assert_cmpint (g_unlink (probe), ==, 0);
  return fd < 0;
}

/* Runs the rest of a test as "nobody" when this process reads every file
 * whatever its permissions: in a subprocess, as the permissions test
 * needs. Returns FALSE in the parent, which has nothing more to do, and
 * skips when it cannot. */
static gboolean
run_as_unprivileged (NichiroTestHome *fixture)
{
  struct passwd *nobody;

  if (!g_test_subprocess ())
    {
      if (permissions_apply (fixture))
        return TRUE;
      if (getpwnam ("nobody") == NULL)
        {
          g_test_skip ("files are open to this process whatever their permissions, and there is no user “nobody” to run as");
          return FALSE;
        }
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return FALSE;
    }

  /* The folder becomes nobody's, who may then do as the reader would. */
  nobody = getpwnam ("nobody");
  g_assert_nonnull (nobody);
  g_assert_cmpint (chown (fixture->dir, nobody->pw_uid, nobody->pw_gid), ==, 0);
  g_assert_cmpint (setgid (nobody->pw_gid), ==, 0);
  g_assert_cmpint (setuid (nobody->pw_uid), ==, 0);
  return TRUE;
}

static void
test_unreadable_is_read_only (NichiroTestHome *fixture,
                              gconstpointer    data)
{
  const char *text = "{\"format\": \"nichiro-study\", \"version\": 1, \"datasets\": {}}";
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  NichiroStudyStore *store;
  const char *reason;
  gsize length;

  if (!run_as_unprivileged (fixture))
    return;

  nichiro_test_write_text (fixture->path, text, -1);
  g_assert_cmpint (g_chmod (fixture->path, 0), ==, 0);
  store = nichiro_study_store_new (fixture->path);

  g_assert_true (nichiro_study_store_get_read_only (store));
  reason = nichiro_study_store_get_read_only_reason (store);
  g_test_message ("%s", reason);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, fixture->path));
  g_assert_nonnull (strstr (reason, "permission"));
  g_assert_cmpstr (nichiro_study_store_get_recovery_message (store), ==, reason);
  g_assert_null (nichiro_study_store_get_moved_aside_path (store));

  g_assert_false (nichiro_study_store_set_note (store, "d", "e", "lost?", &error));
  g_assert_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_READ_ONLY);
  g_assert_true (nichiro_study_store_flush (store, NULL));
  g_assert_finalize_object (store);

  kept = nichiro_test_list_names (fixture->dir, "study.json.");
  g_assert_cmpuint (kept->len, ==, 0);
  g_assert_cmpint (g_chmod (fixture->path, 0600), ==, 0);
  after = nichiro_test_read_text (fixture->path, &length);
  g_assert_cmpstr (after, ==, text);
}

/* Two bad files within the same second are both kept. */
static void
test_corrupt_twice (NichiroTestHome *fixture,
                    gconstpointer    data)
{
  g_autoptr(GPtrArray) kept = NULL;
  NichiroStudyStore *store;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("broken %u", i);

      nichiro_test_write_text (fixture->path, text, -1);
      store = nichiro_study_store_new (fixture->path);
      g_assert_nonnull (nichiro_study_store_get_recovery_message (store));
      g_assert_finalize_object (store);
    }

  kept = nichiro_test_list_names (fixture->dir, "study.json.corrupt-");
  g_assert_cmpuint (kept->len, ==, 3);
}

static void
test_newer_version (NichiroTestHome *fixture,
                    gconstpointer    data)
{
  const char *text =
    "{\"format\": \"nichiro-study\", \"version\": 3, \"datasets\": {\"d\": {\"entries\": "
    "{\"e\": {\"studied\": true, \"note\": \"From the future\", \"rating\": 5}}}}, \"sync\": {}}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autofree char *after = NULL;
  NichiroStudyStore *store;
  gsize length;

  nichiro_test_write_text (fixture->path, text, -1);
  store = nichiro_study_store_new (fixture->path);

  g_assert_true (nichiro_study_store_get_read_only (store));
  g_assert_nonnull (strstr (nichiro_study_store_get_recovery_message (store), "newer version"));

  /* What can be read is shown... */
  g_assert_true (nichiro_study_store_get_studied (store, "d", "e"));
  g_assert_cmpstr (nichiro_study_store_get_note (store, "d", "e"), ==, "From the future");

  /* ...and nothing changes. */
  g_assert_false (nichiro_study_store_set_studied (store, "d", "e", FALSE, &error));
  g_assert_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (nichiro_study_store_set_studied (store, "d", "e", TRUE, &error));
  g_assert_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (nichiro_study_store_set_bookmarked (store, "d", "e", TRUE, &error));
  g_clear_error (&error);
  g_assert_false (nichiro_study_store_set_note (store, "d", "e", "x", &error));
  g_clear_error (&error);
  g_assert_false (nichiro_study_store_set_page (store, "d", "e", "p. 1", &error));
  g_clear_error (&error);
  g_assert_false (nichiro_study_store_set_last_entry (store, "d", "e", &error));
  g_clear_error (&error);
  g_assert_false (nichiro_study_store_set_last_part (store, "d", "p", &error));
  g_assert_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (nichiro_study_store_has_unsaved_changes (store));
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  after = nichiro_test_read_text (fixture->path, &length);
  g_assert_cmpstr (after, ==, text);
  kept = nichiro_test_list_names (fixture->dir, "study.json.");
  g_assert_cmpuint (kept->len, ==, 0);
}

/* A newer version may have changed everything: nothing in it is trusted. */
static void
test_newer_version_strange (NichiroTestHome *fixture,
                            gconstpointer    data)
{
  const char *text = "{\"format\": \"nichiro-study\", \"version\": 9, \"datasets\": [1, {\"d\": 2}]}";
  g_autoptr(GPtrArray) none = NULL;
  g_auto(GStrv) history = NULL;
  NichiroStudyStore *store;
  guint studied, total;

  nichiro_test_write_text (fixture->path, text, -1);
  store = nichiro_study_store_new (fixture->path);
  g_assert_true (nichiro_study_store_get_read_only (store));
  g_assert_false (nichiro_study_store_get_studied (store, "d", "e"));
  g_assert_null (nichiro_study_store_get_last_entry (store, "d"));
  history = nichiro_study_store_dup_history (store, "d");
  g_assert_cmpuint (g_strv_length (history), ==, 0);
  none = nichiro_study_store_filter (store, small, NICHIRO_STUDY_FILTER_UNSTUDIED);
  g_assert_cmpuint (none->len, ==, 3);
  nichiro_study_store_count_part (store, small, NULL, &studied, &total);
  g_assert_cmpuint (studied, ==, 0);
  g_assert_null (nichiro_study_store_dup_dataset_json (store, "d"));
  g_assert_finalize_object (store);
}

/* A study file linked into another folder (a synced one, say) is written
 * there, through the link, which stays a link. */
static void
test_symlink_written_through (NichiroTestHome *fixture,
                              gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *synced = g_build_filename (fixture->dir, "synced", NULL);
  g_autofree char *target = g_build_filename (synced, "my-study.json", NULL);
  g_autoptr(GPtrArray) beside_link = NULL;
  g_autoptr(GPtrArray) beside_target = NULL;
  g_autoptr(JsonNode) root = NULL;
  NichiroStudyStore *store;
  GStatBuf buf;

  g_assert_cmpint (g_mkdir (synced, 0700), ==, 0);
  nichiro_test_write_text (target, "{\"format\": \"nichiro-study\", \"version\": 1, \"datasets\": {\"d\": "
                      "{\"entries\": {\"e\": {\"note\": \"from the other computer\"}}}}}", -1);
  g_assert_cmpint (symlink ("synced/my-study.json", fixture->path), ==, 0);

  store = nichiro_study_store_new (fixture->path);
  g_assert_null (nichiro_study_store_get_recovery_message (store));
  g_assert_cmpstr (nichiro_study_store_get_note (store, "d", "e"), ==, "from the other computer");
  g_assert_true (nichiro_study_store_set_note (store, "d", "f", "written here", &error));
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  g_assert_cmpint (g_lstat (fixture->path, &buf), ==, 0);
  g_assert_true (S_ISLNK (buf.st_mode));
  root = nichiro_test_parse_file (target);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_object_get_object_member (json_object_get_object_member (json_object_get_object_member (json_node_get_object (root), "datasets"), "d"), "entries"), "f"), "note"),
                   ==, "written here");

  /* No temporary file was left on either side; beside the target is the
   * copy of its version 1, kept there. */
  beside_link = nichiro_test_list_names (fixture->dir, "study.json.");
  beside_target = nichiro_test_list_names (synced, "my-study.json.");
  g_assert_cmpuint (beside_link->len, ==, 0);
  g_assert_cmpuint (beside_target->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (beside_target, 0), ==, "my-study.json.version-1");

  /* A link to a file not there yet: the first save makes the file. */
  g_assert_cmpint (g_unlink (target), ==, 0);
  store = nichiro_study_store_new (fixture->path);
  g_assert_true (nichiro_study_store_set_studied (store, "d", "e", TRUE, &error));
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  g_assert_cmpint (g_lstat (fixture->path, &buf), ==, 0);
  g_assert_true (S_ISLNK (buf.st_mode));
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
}

/* A save killed half way leaves a temporary file beside the study file,
 * as large as it; the next start removes such files, and only those. */
static void
test_orphaned_temporaries (NichiroTestHome *fixture,
                           gconstpointer    data)
{
  static const char * const orphans[] = { "study.json.a1B2c3", "study.json.ZZZZZZ" };
  static const char * const others[] = {
    "study.json.corrupt-20260101T000000Z", "study.json.pre-import-20260101T000000Z",
    "study.json.abc", "study.json.abcdefg", "study.json.ab-cde", "other.json.a1B2c3",
  };
  g_autoptr(GPtrArray) left = NULL;
  NichiroStudyStore *store;

  nichiro_test_write_text (fixture->path, "{\"format\": \"nichiro-study\", \"version\": 1}", -1);
  for (guint i = 0; i < G_N_ELEMENTS (orphans); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, orphans[i], NULL);

      nichiro_test_write_text (path, "{\"format\": \"nichiro-study\", \"ver", -1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, others[i], NULL);

      nichiro_test_write_text (path, "not ours to remove", -1);
    }

  store = nichiro_study_store_new (fixture->path);
  g_assert_null (nichiro_study_store_get_recovery_message (store));
  g_assert_finalize_object (store);

  for (guint i = 0; i < G_N_ELEMENTS (orphans); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, orphans[i], NULL);

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  left = nichiro_test_list_names (fixture->dir, "");
  g_assert_cmpuint (left->len, ==, G_N_ELEMENTS (others) + 1);
}

/* The store never writes a file it would refuse to read: a save that
 * would pass the limit fails with a clear error, keeps the changes in
 * memory and leaves the file on disk as it was. */
static void
test_never_writes_too_large (NichiroTestHome *fixture,
                             gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *large = NULL;
  g_autofree char *larger = NULL;
  NichiroStudyStore *store;
  GStatBuf buf;

  large = g_malloc (NICHIRO_STUDY_MAX_SIZE / 2 + 1);
  memset (large, 'a', NICHIRO_STUDY_MAX_SIZE / 2);
  large[NICHIRO_STUDY_MAX_SIZE / 2] = '\0';
  larger = g_strdup (large);
  larger[0] = 'b';

  store = nichiro_study_store_new (fixture->path);
  g_assert_true (nichiro_study_store_set_note (store, "d", "first", large, &error));
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_no_error (error);

  g_assert_true (nichiro_study_store_set_note (store, "d", "second", larger, &error));
  g_assert_false (nichiro_study_store_flush (store, &error));
  g_assert_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_true (nichiro_study_store_has_unsaved_changes (store));
  g_assert_cmpstr (nichiro_study_store_get_note (store, "d", "second"), ==, larger);
  g_clear_error (&error);

  /* Taking the long note out again lets the rest be saved. */
  g_assert_true (nichiro_study_store_set_note (store, "d", "second", "short", &error));
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  g_assert_cmpint (g_stat (fixture->path, &buf), ==, 0);
  g_assert_cmpint (buf.st_size, <=, NICHIRO_STUDY_MAX_SIZE);
  store = nichiro_study_store_new (fixture->path);
  g_assert_null (nichiro_study_store_get_recovery_message (store));
  g_assert_cmpstr (nichiro_study_store_get_note (store, "d", "second"), ==, "short");
  g_assert_cmpuint (strlen (nichiro_study_store_get_note (store, "d", "first")), ==, NICHIRO_STUDY_MAX_SIZE / 2);
  g_assert_finalize_object (store);
}

/* Saves that fail. */

typedef struct
{
  guint count;
  char *message;
} FailureLog;

static void
save_failed_cb (NichiroStudyStore *store,
                const GError      *error,
                FailureLog        *log)
{
  log->count++;
  g_free (log->message);
  log->message = g_strdup (error->message);
}

/* A study file whose folder cannot be made: its parent is a file. This
 * fails for root too, unlike a folder without write permission. */
static void
test_save_fails (NichiroTestHome *fixture,
                 gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (fixture->dir, "nichiro", NULL);
  g_autofree char *path = g_build_filename (blocker, "study.json", NULL);
  FailureLog log = { 0 };
  NichiroStudyStore *store;

  nichiro_test_write_text (blocker, "a file where the folder should be", -1);
  store = nichiro_study_store_new (path);
  g_assert_null (nichiro_study_store_get_recovery_message (store));
  g_assert_false (nichiro_study_store_get_read_only (store));
  g_signal_connect (store, "save-failed", G_CALLBACK (save_failed_cb), &log);

  g_assert_true (nichiro_study_store_set_note (store, "d", "e", "Not lost", &error));
  g_assert_false (nichiro_study_store_flush (store, &error));
  g_assert_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_SAVE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, blocker));
  g_clear_error (&error);

  g_assert_cmpuint (log.count, ==, 1);
  g_assert_nonnull (nichiro_study_store_get_save_error (store));
  g_assert_cmpstr (nichiro_study_store_get_save_error (store)->message, ==, log.message);
  g_assert_true (nichiro_study_store_has_unsaved_changes (store));
  g_assert_cmpstr (nichiro_study_store_get_note (store, "d", "e"), ==, "Not lost");

  /* Failing again for the same reason is not news. */
  g_assert_true (nichiro_study_store_set_note (store, "d", "e", "Still not lost", &error));
  g_assert_false (nichiro_study_store_flush (store, NULL));
  g_assert_cmpuint (log.count, ==, 1);

  /* Once the way is clear, the next save writes everything. */
  g_assert_cmpint (g_unlink (blocker), ==, 0);
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_null (nichiro_study_store_get_save_error (store));
  g_assert_false (nichiro_study_store_has_unsaved_changes (store));
  g_signal_handlers_disconnect_by_func (store, save_failed_cb, &log);
  g_assert_finalize_object (store);

  store = nichiro_study_store_new (path);
  g_assert_cmpstr (nichiro_study_store_get_note (store, "d", "e"), ==, "Still not lost");
  g_assert_finalize_object (store);
  g_free (log.message);
}

static gboolean
save_failed_once (gpointer data)
{
  return ((FailureLog *) data)->count > 0;
}

static void
test_save_retries_by_itself (NichiroTestHome *fixture,
                             gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (fixture->dir, "nichiro", NULL);
  g_autofree char *path = g_build_filename (blocker, "study.json", NULL);
  FailureLog log = { 0 };
  NichiroStudyStore *store;

  nichiro_test_write_text (blocker, "in the way", -1);
  store = nichiro_study_store_new (path);
  g_signal_connect (store, "save-failed", G_CALLBACK (save_failed_cb), &log);

  /* The timed save fails... */
  g_assert_true (nichiro_study_store_set_bookmarked (store, "d", "e", TRUE, &error));
  nichiro_test_spin_until (save_failed_once, &log, "the first save failed");
  g_assert_true (nichiro_study_store_has_unsaved_changes (store));

  /* ...and once the obstacle is gone, a retry succeeds with no change. */
  g_assert_cmpint (g_unlink (blocker), ==, 0);
  nichiro_test_spin_until (store_saved, store, "a retry saved the changes");
  g_assert_null (nichiro_study_store_get_save_error (store));
  g_assert_cmpuint (log.count, ==, 1);
  g_signal_handlers_disconnect_by_func (store, save_failed_cb, &log);
  g_assert_finalize_object (store);

  store = nichiro_study_store_new (path);
  g_assert_true (nichiro_study_store_get_bookmarked (store, "d", "e"));
  g_assert_finalize_object (store);
  g_free (log.message);
}

static void
test_save_fails_read_only_folder (NichiroTestHome *fixture,
                                  gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  NichiroStudyStore *store;

  if (getuid () == 0)
    {
      g_test_skip ("root writes into folders whatever their permissions");
      return;
    }

  store = nichiro_study_store_new (fixture->path);
  g_assert_cmpint (g_chmod (fixture->dir, 0500), ==, 0);
  nichiro_study_store_set_studied (store, "d", "e", TRUE, &error);
  g_assert_false (nichiro_study_store_flush (store, &error));
  g_assert_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_SAVE);
  g_clear_error (&error);

  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);
}

/* Crashes. */

#define CRASH_ITERATIONS 200
#define CRASH_TIME_CAP_SECONDS 30
#define CRASH_N_ENTRIES 40

/* The state a study file written by study-crash-writer holds, checking
 * that every entry holds the same one: 0 if there is no file. */
static guint64
read_crash_state (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *dataset;
  JsonObject *entries;
  guint64 state = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return 0;

  /* Parsed strictly and by hand, not through the store, which would
   * move a bad file aside. */
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (nichiro_study_check_document (json_parser_get_root (parser), "study.json", NULL, &error));
  g_assert_no_error (error);

  dataset = json_object_get_object_member (
              json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "datasets"),
              "crash");
  entries = json_object_get_object_member (dataset, "entries");
  g_assert_cmpuint (json_object_get_size (entries), ==, CRASH_N_ENTRIES);

  for (guint i = 0; i < CRASH_N_ENTRIES; i++)
    {
      g_autofree char *entry_id = g_strdup_printf ("entry-%u", i);
      JsonObject *entry = json_object_get_object_member (entries, entry_id);
      const char *note = json_object_get_string_member (entry, "note");
      g_autofree char *page = NULL;
      guint64 entry_state;

      g_assert_true (g_str_has_prefix (note, "state "));
      entry_state = g_ascii_strtoull (note + strlen ("state "), NULL, 10);
      if (i == 0)
        state = entry_state;
      g_assert_cmpuint (entry_state, ==, state);
      page = g_strdup_printf ("p. %" G_GUINT64_FORMAT, state);
      g_assert_cmpstr (json_object_get_string_member (entry, "page"), ==, page);
      g_assert_cmpint (json_object_get_boolean_member (entry, "studied"), ==, state % 2);
    }

  /* Every self-test review graded up to that state, none after it: a
   * review saved is never lost. */
  study_crash_check_reviews (dataset, "entry", state);

  return state;
}

/* SIGKILL at random moments, mostly inside a save, during what is also a
 * review session: the writer grades a self-test review with each state.
 * The file always holds a whole state, with every review graded up to it
 * and saved, never one lost. */
static void
test_crash (NichiroTestHome *fixture,
            gconstpointer    data)
{
  const char *writer = g_getenv ("NICHIRO_STUDY_WRITER");
  gint64 start = g_get_monotonic_time ();
  guint64 state = 0;
  guint iterations = 0;
  guint mid_write = 0;
  guint in_save = 0;
  guint left_behind = 0;

  if (writer == NULL)
    {
      g_test_skip ("NICHIRO_STUDY_WRITER does not name study-crash-writer (meson test sets it)");
      return;
    }

  for (; iterations < CRASH_ITERATIONS; iterations++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GDataInputStream) output = NULL;
      g_autoptr(GPtrArray) kept = NULL;
      g_autoptr(GPtrArray) temporary = NULL;
      guint64 acknowledged = state;
      gboolean saving = FALSE;
      guint64 found;
      char *line = NULL;

      /* A cap on the whole test, should the machine be very slow; it
       * never decides whether the test passes. */
      if (g_get_monotonic_time () - start > CRASH_TIME_CAP_SECONDS * G_USEC_PER_SEC)
        break;

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, writer, fixture->path, NULL);
      g_assert_no_error (error);
      output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

      /* Now and then during start-up, usually in the middle of saving. */
      if (g_random_int_range (0, 4) == 0)
        {
          g_usleep (g_random_int_range (0, 20000));
        }
      else
        {
          do
            {
              g_free (line);
              line = g_data_input_stream_read_line (output, NULL, NULL, &error);
              g_assert_no_error (error);
              g_assert_nonnull (line);
            }
          while (!g_str_has_prefix (line, "saved "));
          acknowledged = g_ascii_strtoull (line + strlen ("saved "), NULL, 10);
          g_free (line);
          g_usleep (g_random_int_range (0, 4000));
        }

      g_subprocess_send_signal (process, SIGKILL);
      g_subprocess_wait (process, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (process));
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);

      /* The writer says "saving N" before a save and "saved N" after it. */
      while ((line = g_data_input_stream_read_line (output, NULL, NULL, &error)) != NULL)
        {
          saving = g_str_has_prefix (line, "saving ");
          if (!saving)
            {
              g_assert_true (g_str_has_prefix (line, "saved "));
              acknowledged = g_ascii_strtoull (line + strlen ("saved "), NULL, 10);
            }
          g_free (line);
        }
      g_assert_no_error (error);
      in_save += saving;

      /* The file holds the last state reported saved, or the one being
       * saved when the kill came; never anything in between. */
      found = read_crash_state (fixture->path);
      g_assert_cmpuint (found, >=, state);
      g_assert_cmpuint (found, >=, acknowledged);
      g_assert_cmpuint (found, <=, acknowledged + 1);
      if (found == acknowledged + 1)
        mid_write++;
      state = found;

      /* No run found the file unreadable. */
      kept = nichiro_test_list_names (fixture->dir, "study.json.corrupt-");
      g_assert_cmpuint (kept->len, ==, 0);

      /* A kill while writing leaves the temporary file; the next start
       * removes it, so they never pile up. */
      temporary = nichiro_test_list_names (fixture->dir, "study.json.");
      g_assert_cmpuint (temporary->len, <=, 1);
      left_behind += temporary->len;
    }

  g_test_message ("%u kills: %u inside a save, %u found a killed save's temporary file (never more than one: "
                  "each start removes it), %u after the new file was in place but before it was reported; "
                  "last state %" G_GUINT64_FORMAT,
                  iterations, in_save, left_behind, mid_write, state);
  g_assert_cmpuint (iterations, >, 0);
  g_assert_cmpuint (state, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  small = nichiro_test_load_dataset ("small.json");

#define ADD(name, func) g_test_add ("/nichiro/study/store/" name, NichiroTestHome, NULL, nichiro_test_home_set_up, func, nichiro_test_home_tear_down)
  ADD ("corrupt/directory", test_corrupt_directory);
  ADD ("corrupt/pipe", test_corrupt_pipe);
  ADD ("unreadable-is-read-only", test_unreadable_is_read_only);
  ADD ("corrupt/kept-every-time", test_corrupt_twice);
  ADD ("newer-version", test_newer_version);
  ADD ("newer-version-strange", test_newer_version_strange);
  ADD ("symlink-written-through", test_symlink_written_through);
  ADD ("orphaned-temporaries", test_orphaned_temporaries);
  ADD ("never-writes-too-large", test_never_writes_too_large);
  ADD ("save-fails", test_save_fails);
  ADD ("save-fails/retries", test_save_retries_by_itself);
  ADD ("save-fails/read-only-folder", test_save_fails_read_only_folder);
  ADD ("crash", test_crash);
#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (corrupt_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/nichiro/study/store/corrupt/%s", corrupt_cases[i].name);

      g_test_add (test_path, NichiroTestHome, &corrupt_cases[i], nichiro_test_home_set_up, test_corrupt, nichiro_test_home_tear_down);
    }

  status = g_test_run ();
  g_clear_object (&small);

  return status;
}
