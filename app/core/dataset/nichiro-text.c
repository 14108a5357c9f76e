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

/* Folds a run of text the full way: decompose, drop decorating marks,
 * recompose, fold case. Appends to @out. */
static void
fold_run (GString    *out,
          const char *text,
          gssize      length)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *composed = NULL;
  g_autofree char *folded = NULL;
  GString *stripped;
  gunichar base = 0;

  decomposed = g_utf8_normalize (text, length, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return;

  stripped = g_string_sized_new (strlen (decomposed));
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
      g_string_append_unichar (stripped, c);
    }

  /* Recompose what stayed decomposed (kana with voicing marks), then fold. */
  composed = g_utf8_normalize (stripped->str, stripped->len, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (composed ? composed : stripped->str, -1);
  g_string_append (out, folded);
  g_string_free (stripped, TRUE);
}

/* The fold of the characters common in datasets that fold on their own:
 * ASCII, kana, kanji, basic Cyrillic, dashes and quotes. 0 for every other
 * character, which takes the full way. */
static gunichar
fold_char_fast (gunichar c)
{
  if (c < 0x80)
    return g_ascii_tolower (c);
  if ((c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FC) ||
      (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3005)
    return c;
  if (c >= 0x0410 && c <= 0x042F)
    return c + 0x20;
  if (c >= 0x0430 && c <= 0x044F)
    return c;
  if (c == 0x0401 || c == 0x0451)
    return 0x0435;   /* ё folds to е */
  if ((c >= 0x2010 && c <= 0x2015 && c != 0x2011) || (c >= 0x2018 && c <= 0x201F))
    return c;
  return 0;
}

static gboolean
is_mark (gunichar c)
{
  return c >= 0x0300 && g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK;
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
  GString *out;
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));

  /* Characters that fold on their own are folded one by one; the others go
   * the full way in runs, together with the character before a combining
   * mark, which the mark belongs to. */
  p = text;
  while (*p)
    {
      const char *next = g_utf8_next_char (p);
      gunichar c = g_utf8_get_char (p);
      gunichar folded = fold_char_fast (c);
      const char *run;

      if (folded != 0 && (*next == '\0' || (guchar) *next < 0x80 || !is_mark (g_utf8_get_char (next))))
        {
          g_string_append_unichar (out, folded);
          p = next;
          continue;
        }

      run = p;
      p = next;
      while (*p && (guchar) *p >= 0x80)
        {
          gunichar d = g_utf8_get_char (p);

          if (fold_char_fast (d) != 0 && !is_mark (d))
            break;
          p = g_utf8_next_char (p);
        }
      fold_run (out, run, p - run);
    }

  return g_string_free (out, FALSE);
}
