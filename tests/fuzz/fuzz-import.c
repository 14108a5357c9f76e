/* fuzz-import.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-fuzz"

#include "config.h"

#include "fuzz.h"
#include "fuzz-study.h"

#include "nichiro-study-export.h"

#include <string.h>

/* A backup the reader picks in "Import…": any bytes at all. Import must
 * not crash, warn or leak; it merges or refuses with a message in UTF-8,
 * changes nothing when it refuses, never takes away what the store had,
 * counts what it did, and can be undone back to the store as it was. */

static char *
dup_dataset_text (NichiroStudyStore *store)
{
  g_autoptr(JsonNode) node = nichiro_study_store_dup_dataset_json (store, "d");

  return node ? json_to_string (node, FALSE) : NULL;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *dir;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  NichiroStudyMergeCounts counts;
  NichiroStudyStore *store;
  guint kept = 0;

  if (dir == NULL)
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      dir = fuzz_study_make_dir ();
    }
  path = g_build_filename (dir, "study.json", NULL);

  fuzz_study_clear_dir (dir);
  fuzz_study_write (path, FUZZ_STUDY_BASE, strlen (FUZZ_STUDY_BASE));
  store = nichiro_study_store_new (path);
  g_assert_null (nichiro_study_store_get_recovery_message (store));
  before = dup_dataset_text (store);

  if (!nichiro_study_import_json (store, (const char *) data, size, "fuzz.json", &counts, &error))
    {
      g_assert_true (error->domain == NICHIRO_STUDY_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_false (nichiro_study_store_has_unsaved_changes (store));
      g_assert_false (nichiro_study_store_can_undo_import (store));
      {
        g_autofree char *unchanged = dup_dataset_text (store);

        g_assert_cmpstr (unchanged, ==, before);
      }
      g_assert_finalize_object (store);
      return 0;
    }

  message = nichiro_study_merge_counts_to_string (&counts);
  g_assert_true (g_utf8_validate (message, -1, NULL));

  /* What the store had is never taken away. */
  g_assert_nonnull (nichiro_study_store_get_note (store, "d", "e"));
  g_assert_nonnull (nichiro_study_store_get_page (store, "d", "f"));

  /* Something changed exactly when it can be undone. */
  g_assert_cmpint (nichiro_study_store_can_undo_import (store), ==,
                   nichiro_study_store_has_unsaved_changes (store));

  if (nichiro_study_store_can_undo_import (store))
    {
      g_assert_true (nichiro_study_store_undo_import (store, &kept, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (kept, ==, 0);
      after_undo = dup_dataset_text (store);
      g_assert_cmpstr (after_undo, ==, before);
    }

  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  return 0;
}
