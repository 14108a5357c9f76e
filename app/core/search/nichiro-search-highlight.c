/* nichiro-search-highlight.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-search"

#include "config.h"

#include "nichiro-search-private.h"
#include "nichiro-text.h"

#include <string.h>

/* What a result shows of its match: ranges to highlight in the title, and
 * a snippet of the best other text with its own. Matches are found in
 * folded text and shown in the original. */

#define SNIPPET_BEFORE 40
#define SNIPPET_LENGTH 140

/* Text folded one character at a time, with where each folded byte came
 * from, so that matches found in folded text can be shown in the original. */
typedef struct
{
  GString *folded;
  GArray *origins;         /* guint: byte offset in the original */
} FoldMap;

static void
fold_map_init (FoldMap    *map,
               const char *text)
{
  map->folded = g_string_new (NULL);
  map->origins = g_array_new (FALSE, FALSE, sizeof (guint));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      guint origin = p - text;
      gsize before = map->folded->len;

      if ((guchar) *p < 0x80)
        {
          g_string_append_c (map->folded, g_ascii_tolower (*p));
        }
      else
        {
          g_autofree char *one = g_strndup (p, g_utf8_next_char (p) - p);
          g_autofree char *folded = nichiro_text_fold (one);

          g_string_append (map->folded, folded);
        }

      for (gsize i = before; i < map->folded->len; i++)
        g_array_append_val (map->origins, origin);
    }
}

static void
fold_map_clear (FoldMap *map)
{
  g_string_free (map->folded, TRUE);
  g_array_unref (map->origins);
}

static guint
origin_of (const FoldMap *map,
           const char    *text,
           gsize          folded_offset)
{
  if (folded_offset >= map->origins->len)
    return strlen (text);
  return g_array_index (map->origins, guint, folded_offset);
}

static gboolean
starts_word_at (const char *text,
                const char *at)
{
  if (at == text)
    return TRUE;
  return !_nichiro_search_is_word_char (g_utf8_get_char (g_utf8_find_prev_char (text, at)));
}

static gboolean
starts_with_any (const char *text,
                 GPtrArray  *prefixes)
{
  for (guint i = 0; i < prefixes->len; i++)
    {
      const char *prefix = g_ptr_array_index (prefixes, i);

      if (prefix[0] != '\0' && strncmp (text, prefix, strlen (prefix)) == 0)
        return TRUE;
    }

  return FALSE;
}

static const char *
word_end (const char *text,
          const char *at)
{
  while (*at && _nichiro_search_is_word_char (g_utf8_get_char (at)))
    at = g_utf8_next_char (at);
  return at;
}

static void
add_range (GArray *ranges,
           guint   start,
           guint   end)
{
  NichiroRange range = { start, end };

  for (guint i = 0; i < ranges->len; i++)
    {
      NichiroRange *other = &g_array_index (ranges, NichiroRange, i);

      if (start < other->end && end > other->start)
        {
          other->start = MIN (other->start, start);
          other->end = MAX (other->end, end);
          return;
        }
    }
  g_array_append_val (ranges, range);
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const NichiroRange *range_a = a;
  const NichiroRange *range_b = b;

  return (int) range_a->start - (int) range_b->start;
}

/* Finds the needles in @text; returns the ranges in @text's bytes. */
static GArray *
find_ranges (NichiroSearch *self,
             const char    *text,
             const Needles *needles)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (NichiroRange));
  GPtrArray *lists[] = { needles->needles, needles->word_needles, needles->stem_needles };
  const char *folded;
  gboolean any = FALSE;
  FoldMap map;

  if (text == NULL)
    return ranges;

  /* Most texts hold no match: find that out in the folded text, and map
   * character by character only the texts that do. */
  folded = _nichiro_search_fold_cached (self, text);
  for (guint pass = 0; pass < G_N_ELEMENTS (lists) && !any; pass++)
    {
      GPtrArray *list = lists[pass];

      for (guint i = 0; i < list->len && !any; i++)
        any = strstr (folded, g_ptr_array_index (list, i)) != NULL;
    }
  if (!any)
    return ranges;

  fold_map_init (&map, text);

  for (guint pass = 0; pass < G_N_ELEMENTS (lists); pass++)
    {
      GPtrArray *list = lists[pass];

      for (guint i = 0; i < list->len; i++)
        {
          const char *needle = g_ptr_array_index (list, i);
          gsize needle_length = strlen (needle);
          const char *haystack = map.folded->str;

          if (needle_length == 0)
            continue;

          for (const char *found = strstr (haystack, needle); found != NULL;
               found = strstr (found + needle_length, needle))
            {
              gsize start = found - haystack;
              gsize end = start + needle_length;

              if (pass > 0 && !starts_word_at (haystack, found))
                continue;
              /* A stem stands for the word it begins, ending and all,
               * unless the word as typed begins it: that shows as typed. */
              if (pass == 2)
                {
                  if (starts_with_any (found, needles->word_needles))
                    continue;
                  end = word_end (haystack, found + needle_length) - haystack;
                }

              add_range (ranges, origin_of (&map, text, start),
                         end >= map.origins->len ? strlen (text)
                                                 : origin_of (&map, text, end));
            }
        }
    }

  /* A match ending inside a folded character ends after that character. */
  for (guint i = 0; i < ranges->len; i++)
    {
      NichiroRange *range = &g_array_index (ranges, NichiroRange, i);

      if (range->end <= range->start)
        range->end = g_utf8_next_char (text + range->start) - text;
    }

  g_array_sort (ranges, compare_ranges);
  fold_map_clear (&map);
  return ranges;
}

/* Cuts an excerpt of about SNIPPET_LENGTH characters around the first match. */
static void
make_snippet (NichiroSearchResult *result,
              const char          *text,
              GArray              *ranges)
{
  const NichiroRange *first = &g_array_index (ranges, NichiroRange, 0);
  const char *start = text + first->start;
  const char *end;
  GString *snippet = g_string_new (NULL);
  guint offset;

  for (guint i = 0; i < SNIPPET_BEFORE && start > text; i++)
    start = g_utf8_prev_char (start);
  /* Begin at a word when cutting into the text. */
  if (start > text)
    {
      while (start < text + first->start && !g_unichar_isspace (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);
      while (start < text + first->start && g_unichar_isspace (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);
      g_string_append (snippet, "…");
    }

  end = start;
  for (guint i = 0; i < SNIPPET_LENGTH && *end; i++)
    end = g_utf8_next_char (end);
  if (*end)
    {
      const char *space = end;

      while (space > start + 1 && !g_unichar_isspace (g_utf8_get_char (space)))
        space = g_utf8_prev_char (space);
      if (space > text + first->end)
        end = space;
    }

  offset = snippet->len;
  g_string_append_len (snippet, start, end - start);
  if (*end)
    g_string_append (snippet, "…");

  result->snippet_ranges = g_array_new (FALSE, FALSE, sizeof (NichiroRange));
  for (guint i = 0; i < ranges->len; i++)
    {
      const NichiroRange *range = &g_array_index (ranges, NichiroRange, i);

      if (range->start < (guint) (start - text) || range->end > (guint) (end - text))
        continue;
      add_range (result->snippet_ranges,
                 range->start - (start - text) + offset,
                 range->end - (start - text) + offset);
    }
  result->snippet = g_string_free (snippet, FALSE);
}

/* Works out what to highlight: in the title, and in the best other text. */
void
_nichiro_search_decorate (NichiroSearch       *self,
                          NichiroSearchResult *result,
                          const Needles       *needles)
{
  static const Field snippet_fields[] = {
    FIELD_TITLE, FIELD_ALIAS, FIELD_PEOPLE, FIELD_PLACE, FIELD_SUMMARY, FIELD_ARTICLES, FIELD_NOTES,
    FIELD_MENTIONS,
  };
  const char *title = result->title;

  result->title_ranges = find_ranges (self, title, needles);

  for (guint f = 0; f < G_N_ELEMENTS (snippet_fields); f++)
    {
      g_autoptr(GPtrArray) strings = g_ptr_array_new ();

      _nichiro_search_collect_field (self, result->entry, snippet_fields[f], strings);
      for (guint i = 0; i < strings->len; i++)
        {
          const char *text = g_ptr_array_index (strings, i);
          g_autoptr(GArray) ranges = NULL;

          /* The leading title is shown anyway. */
          if (text == title)
            continue;

          ranges = find_ranges (self, text, needles);
          if (ranges->len > 0)
            {
              make_snippet (result, text, ranges);
              return;
            }
        }
    }
}
