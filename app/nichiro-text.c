/* nichiro-text.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-text"

#include "config.h"

#include "nichiro-text.h"

#include <string.h>

#define COMBINING_DIAERESIS 0x0308

/* Whether a combining mark after @base only decorates it for search: Latin
 * accents (ō, é) and the Cyrillic diaeresis (ё) fold away; Japanese voicing
 * marks (゛゜) change the kana, so they stay. */
static gboolean
mark_is_decoration (gunichar base,
                    gunichar mark)
{
  switch (g_unichar_get_script (base))
    {
    case G_UNICODE_SCRIPT_LATIN:
      return TRUE;
    case G_UNICODE_SCRIPT_CYRILLIC:
      return mark == COMBINING_DIAERESIS;
    default:
      return FALSE;
    }
}

/**
 * nichiro_text_fold:
 * @text: (nullable): UTF-8 text
 *
 * Folds text for matching: compatibility forms (full-width Latin,
 * half-width kana) become their ordinary forms, Latin diacritics and the
 * Cyrillic diaeresis are removed, and case is folded. "Komura Jūtarō",
 * "ＫＯＭＵＲＡ Jutaro" and "komura jutaro" fold alike.
 *
 * Returns: (transfer full): the folded text ("" for %NULL)
 */
char *
nichiro_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *composed = NULL;
  GString *out;
  gunichar base = 0;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        {
          if (base != 0 && mark_is_decoration (base, c))
            continue;
        }
      else
        {
          base = c;
        }
      g_string_append_unichar (out, c);
    }
  stripped = g_string_free (out, FALSE);

  /* Recompose what stayed decomposed (kana with voicing marks), then fold. */
  composed = g_utf8_normalize (stripped, -1, G_NORMALIZE_NFKC);
  return g_utf8_casefold (composed ? composed : stripped, -1);
}
