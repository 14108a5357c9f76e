/* fuzz-study.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-fuzz"

#include "config.h"

#include "fuzz.h"
#include "fuzz-study.h"

#include "nichiro-study-store.h"

#include <glib/gstdio.h>
#include <string.h>

/* The reader's study file, as the store finds it on disk: at start, and
 * when another process wrote it before a save, which the store then
 * merges. Whatever the bytes, the store must not crash, warn or leak; it
 * opens the file, keeps it aside, or turns read-only, with a message in
 * UTF-8; and whatever it writes it can read again, without calling it
 * broken. */

static void
check_store (NichiroStudyStore *store)
{
  const char *message = nichiro_study_store_get_recovery_message (store);
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_auto(GStrv) history = NULL;

  g_assert_true (message == NULL || g_utf8_validate (message, -1, NULL));
  g_assert_true (!nichiro_study_store_get_read_only (store) ||
                 nichiro_study_store_get_read_only_reason (store) != NULL);

  /* The ids the seeds use, and the store's getters on them. */
  history = nichiro_study_store_dup_history (store, "d");
  for (guint i = 0; history[i] != NULL; i++)
    g_assert_true (g_utf8_validate (history[i], -1, NULL));
  nichiro_study_store_get_note (store, "d", "e");
  nichiro_study_store_get_page (store, "d", "e");
  nichiro_study_store_get_studied (store, "d", "e");
  nichiro_study_store_get_bookmarked (store, "d", "e");
  modified = nichiro_study_store_get_modified (store, "d", "e");
  node = nichiro_study_store_dup_dataset_json (store, "d");
  g_assert_true (node == NULL || JSON_NODE_HOLDS_OBJECT (node));
}

/* Closes @store, opens the file again and checks it reads what was
 * saved, as it was saved. */
static void
check_reopens (NichiroStudyStore *store,
               const char        *path)
{
  g_autofree char *note = g_strdup (nichiro_study_store_get_note (store, "d", "mine"));

  g_assert_finalize_object (store);
  store = nichiro_study_store_new (path);
  g_assert_null (nichiro_study_store_get_recovery_message (store));
  g_assert_false (nichiro_study_store_get_read_only (store));
  g_assert_cmpstr (nichiro_study_store_get_note (store, "d", "mine"), ==, note);
  g_assert_finalize_object (store);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *dir;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  NichiroStudyStore *store;

  if (dir == NULL)
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      dir = fuzz_study_make_dir ();
    }
  path = g_build_filename (dir, "study.json", NULL);

  /* At start. */
  fuzz_study_clear_dir (dir);
  fuzz_study_write (path, (const char *) data, size);
  store = nichiro_study_store_new (path);
  check_store (store);
  if (!nichiro_study_store_get_read_only (store) &&
      nichiro_study_store_set_note (store, "d", "mine", "written here", &error) &&
      nichiro_study_store_flush (store, &error))
    {
      g_assert_cmpstr (nichiro_study_store_get_note (store, "d", "mine"), ==, "written here");
      check_reopens (store, path);
    }
  else
    {
      g_clear_error (&error);
      g_assert_finalize_object (store);
    }

  /* Written by another process between two saves: merged, kept aside, or
   * left alone if it says it is newer. */
  fuzz_study_clear_dir (dir);
  fuzz_study_write (path, FUZZ_STUDY_BASE, strlen (FUZZ_STUDY_BASE));
  store = nichiro_study_store_new (path);
  g_assert_null (nichiro_study_store_get_recovery_message (store));
  g_assert_true (nichiro_study_store_set_note (store, "d", "mine", "written here", &error));
  fuzz_study_write (path, (const char *) data, size);
  if (nichiro_study_store_flush (store, &error))
    {
      /* Ours, unless the other side changed it later. */
      check_store (store);
      g_assert_nonnull (nichiro_study_store_get_note (store, "d", "mine"));
      check_reopens (store, path);
    }
  else
    {
      g_assert_true (error->domain == NICHIRO_STUDY_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      check_store (store);
      g_assert_finalize_object (store);
    }

  return 0;
}
