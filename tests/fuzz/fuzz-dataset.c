/* fuzz-dataset.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-fuzz"

#include "config.h"

#include "fuzz.h"

#include "nichiro-dataset.h"
#include "nichiro-error.h"

/* GTK refuses text that is not UTF-8, so neither a loaded dataset nor an
 * error message may hold any: a JSON escape like a lone "\ud800" must not
 * smuggle it in. */
static void
assert_utf8 (const char *text)
{
  g_assert_true (text == NULL || g_utf8_validate (text, -1, NULL));
}

/* A dataset that loaded must hold together: every entry is found again by
 * its id, and its dates and JSON form can be produced. This walks the code
 * a loaded file reaches next, so the fuzzer finds what a bad date or an odd
 * reference does there too. */
static void
check_dataset (NichiroDataset *dataset)
{
  GListModel *entries = nichiro_dataset_get_entries (dataset);
  guint n_entries = g_list_model_get_n_items (entries);

  assert_utf8 (nichiro_dataset_get_id (dataset));
  assert_utf8 (nichiro_dataset_get_title (dataset));
  assert_utf8 (nichiro_dataset_get_description (dataset));
  assert_utf8 (nichiro_dataset_get_license (dataset));

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *dates = NULL;
      g_autofree char *json = NULL;
      JsonNode *node;

      g_assert_nonnull (entry);
      g_assert_true (nichiro_dataset_lookup_entry (dataset, nichiro_entry_get_id (entry)) == entry);

      dates = nichiro_entry_dup_dates_text (entry);
      g_assert_nonnull (dates);

      node = nichiro_entry_to_json (entry);
      g_assert_nonnull (node);
      json = json_to_string (node, FALSE);
      assert_utf8 (json);
      json_node_unref (node);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialized;
  /* An empty input may come as NULL, which the loader rightly refuses with
   * a critical: it is handed an empty string instead. */
  const char *text = size > 0 ? (const char *) data : "";
  g_autoptr(NichiroDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  /* Bad input must come back as a GError. A critical or a warning means a
   * precondition broke on the way, which is a bug to stop at like a crash. */
  if (!initialized)
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      initialized = TRUE;
    }

  dataset = nichiro_dataset_new_from_data (text, size, "fuzz.json", &error);

  /* Exactly one of the two comes back, and errors are always ours. */
  g_assert_true ((dataset == NULL) != (error == NULL));
  if (dataset == NULL)
    {
      g_assert_true (error->domain == NICHIRO_ERROR);
      g_assert_nonnull (error->message);
      assert_utf8 (error->message);
      return 0;
    }

  check_dataset (dataset);
  g_assert_finalize_object (g_steal_pointer (&dataset));

  return 0;
}
