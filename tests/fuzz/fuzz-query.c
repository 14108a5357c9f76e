/* fuzz-query.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-fuzz"

#include "config.h"

#include "fuzz.h"

#include "nichiro-search.h"

#include <string.h>

/* Whatever a person types goes to the query parser and then the search:
 * neither may crash, warn or leak, and what they return must be valid
 * UTF-8 with highlight ranges inside their texts. */

static void
check_ranges (const char   *text,
              const GArray *ranges)
{
  gsize length = text ? strlen (text) : 0;

  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      const NichiroRange *range = &g_array_index (ranges, NichiroRange, i);

      g_assert_cmpuint (range->start, <, range->end);
      g_assert_cmpuint (range->end, <=, length);
      g_assert_true (g_utf8_validate (text + range->start, range->end - range->start, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static NichiroSearch *search;
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(NichiroQuery) query = NULL;
  g_autoptr(NichiroSearchResults) results = NULL;
  g_autofree char *understood = NULL;
  g_autofree char *broader = NULL;

  if (search == NULL)
    {
      g_autoptr(NichiroDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;

      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      dataset = nichiro_dataset_new_default (&error);
      g_assert_no_error (error);
      search = nichiro_search_new (dataset);
    }

  query = nichiro_query_parse (text);
  understood = nichiro_query_to_string (query);
  broader = nichiro_query_dup_without_filters (query);
  if (g_utf8_validate (text, -1, NULL))
    {
      g_assert_true (g_utf8_validate (understood, -1, NULL));
      g_assert_true (g_utf8_validate (broader, -1, NULL));
    }
  for (guint i = 0; nichiro_query_get_warnings (query)[i] != NULL; i++)
    g_assert_true (g_utf8_validate (nichiro_query_get_warnings (query)[i], -1, NULL));

  results = nichiro_search_run (search, text);
  for (guint i = 0; i < results->items->len; i++)
    {
      const NichiroSearchResult *result = g_ptr_array_index (results->items, i);

      check_ranges (result->title, result->title_ranges);
      check_ranges (result->snippet, result->snippet_ranges);
      if (result->snippet != NULL)
        g_assert_true (g_utf8_validate (result->snippet, -1, NULL));
    }

  return 0;
}
