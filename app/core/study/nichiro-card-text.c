/* nichiro-card-text.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-card-text"

#include "config.h"

#include "nichiro-card-text.h"

#include <string.h>

/* Text as card generation compares it: one character for one, lower case,
 * without accents in Latin and Cyrillic, so that positions in the folded
 * text are positions in the original; words are runs of letters and
 * digits, and a match in a script with spaces must be a whole word. */

/* Helpers */

static gboolean
is_cjk (gunichar c)
{
  switch ((int) g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
      return TRUE;
    default:
      return FALSE;
    }
}

/* A letter or digit of a script that writes spaces between words. */
static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) && !is_cjk (c);
}

/* Lower case, and without accents in Latin and Cyrillic ("Ō" → "o",
 * "ё" → "е"), one character for one, so that positions carry over. */
static gunichar
fold_char (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  if (script == G_UNICODE_SCRIPT_LATIN || script == G_UNICODE_SCRIPT_CYRILLIC)
    {
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

      if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0)
        c = decomposed[0];
    }

  return g_unichar_tolower (c);
}

typedef struct
{
  const char *text;
  gunichar *chars;
  glong n;
  glong *offsets;
} Folded;

static void
folded_init (Folded     *folded,
             const char *text)
{
  const char *p = text;

  folded->text = text;
  folded->n = g_utf8_strlen (text, -1);
  folded->chars = g_new (gunichar, folded->n + 1);
  folded->offsets = g_new (glong, folded->n + 1);
  for (glong i = 0; i < folded->n; i++)
    {
      folded->offsets[i] = p - text;
      folded->chars[i] = fold_char (g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }
  folded->offsets[folded->n] = p - text;
  folded->chars[folded->n] = 0;
}

static void
folded_clear (Folded *folded)
{
  g_clear_pointer (&folded->chars, g_free);
  g_clear_pointer (&folded->offsets, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Folded, folded_clear)

/* Whether @needle occurs in @haystack at @at, as whole words where the
 * script has spaces. */
static gboolean
folded_match_at (const Folded *haystack,
                 const Folded *needle,
                 glong         at)
{
  if (needle->n == 0 || at + needle->n > haystack->n)
    return FALSE;

  if (memcmp (haystack->chars + at, needle->chars, needle->n * sizeof (gunichar)) != 0)
    return FALSE;

  if (is_word_char (needle->chars[0]) && at > 0 && is_word_char (haystack->chars[at - 1]))
    return FALSE;

  if (is_word_char (needle->chars[needle->n - 1]) && at + needle->n < haystack->n &&
      is_word_char (haystack->chars[at + needle->n]))
    return FALSE;

  return TRUE;
}

/* Public API */

/**
 * nichiro_card_text_split_words:
 * @text: a text
 *
 * Returns: (transfer full) (element-type utf8): the folded words of @text
 *   (runs of letters and digits)
 */
GPtrArray *
nichiro_card_text_split_words (const char *text)
{
  g_auto(Folded) folded = { 0, };
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  glong start = -1;

  folded_init (&folded, text);
  for (glong i = 0; i <= folded.n; i++)
    {
      gboolean word = i < folded.n && g_unichar_isalnum (folded.chars[i]);

      if (word && start < 0)
        start = i;
      else if (!word && start >= 0)
        {
          g_ptr_array_add (words, g_ucs4_to_utf8 (folded.chars + start, i - start, NULL, NULL, NULL));
          start = -1;
        }
    }

  return words;
}

gboolean
nichiro_card_text_is_number (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

/* Two words are the same word when equal, or when both are long and
 * start alike ("Siberian", "Siberia"). */
gboolean
nichiro_card_text_same_word (const char *a,
           const char *b)
{
  if (g_str_equal (a, b))
    return TRUE;

  return g_utf8_strlen (a, -1) >= 5 && g_utf8_strlen (b, -1) >= 5 &&
         memcmp (a, b, g_utf8_offset_to_pointer (a, 5) - a) == 0 &&
         memcmp (b, a, g_utf8_offset_to_pointer (b, 5) - b) == 0;
}

/* The script of a name: that of its first letter. */
NichiroScript
nichiro_card_text_script (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;

      switch ((int) g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_LATIN:
          return NICHIRO_SCRIPT_LATIN;
        case G_UNICODE_SCRIPT_CYRILLIC:
          return NICHIRO_SCRIPT_CYRILLIC;
        case G_UNICODE_SCRIPT_HAN:
        case G_UNICODE_SCRIPT_HIRAGANA:
        case G_UNICODE_SCRIPT_KATAKANA:
          return NICHIRO_SCRIPT_JAPANESE;
        default:
          return NICHIRO_SCRIPT_OTHER;
        }
    }

  return NICHIRO_SCRIPT_OTHER;
}

/* Whether two names share a word ("Second Russo-Japanese Agreement" and
 * "Russo-Japanese Agreement of 1910"), or for Japanese two characters in
 * a row. */
gboolean
nichiro_card_text_names_share_word (const char *a,
                  const char *b)
{
  g_autoptr(GPtrArray) a_words = nichiro_card_text_split_words (a);
  g_autoptr(GPtrArray) b_words = nichiro_card_text_split_words (b);

  for (guint i = 0; i < a_words->len; i++)
    {
      const char *word = g_ptr_array_index (a_words, i);

      if (nichiro_card_text_is_number (word))
        continue;

      if (nichiro_card_text_script (word) == NICHIRO_SCRIPT_JAPANESE)
        {
          for (const char *p = word; *p != '\0' && *g_utf8_next_char (p) != '\0'; p = g_utf8_next_char (p))
            {
              g_autofree char *pair = g_strndup (p, g_utf8_next_char (g_utf8_next_char (p)) - p);

              if (strstr (b, pair) != NULL)
                return TRUE;
            }
          continue;
        }

      if (g_utf8_strlen (word, -1) < 4)
        continue;

      for (guint j = 0; j < b_words->len; j++)
        {
          if (nichiro_card_text_same_word (word, g_ptr_array_index (b_words, j)))
            return TRUE;
        }
    }

  return FALSE;
}

gboolean
nichiro_card_text_has_digit (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        return TRUE;
    }

  return FALSE;
}

/**
 * nichiro_card_text_join:
 * @strings: (element-type utf8): strings
 * @separator: what goes between them
 *
 * Returns: (transfer full): @strings joined with @separator
 */
char *
nichiro_card_text_join (GPtrArray  *strings,
                        const char *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < strings->len; i++)
    {
      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, g_ptr_array_index (strings, i));
    }

  return g_string_free (out, FALSE);
}

/**
 * nichiro_card_text_mask:
 * @text: a text
 * @needles: (element-type utf8): names to hide
 * @out_letters_left: (out) (optional): how many letters and digits are
 *   left showing
 *
 * Replaces every occurrence of each needle in @text, as whole words where
 * the script has spaces, with "[…]"; a run of hidden text is one "[…]".
 *
 * Returns: (transfer full): the text with the needles hidden
 */
char *
nichiro_card_text_mask (const char *text,
                        GPtrArray  *needles,
                        guint      *out_letters_left)
{
  g_auto(Folded) folded = { 0, };
  g_autofree gboolean *masked = NULL;
  GString *out = g_string_new (NULL);
  guint left = 0;

  folded_init (&folded, text);
  masked = g_new0 (gboolean, folded.n + 1);
  for (guint i = 0; i < needles->len; i++)
    {
      g_auto(Folded) needle = { 0, };

      folded_init (&needle, g_ptr_array_index (needles, i));
      for (glong at = 0; at + needle.n <= folded.n; at++)
        {
          if (folded_match_at (&folded, &needle, at))
            {
              for (glong k = at; k < at + needle.n; k++)
                masked[k] = TRUE;
            }
        }
    }

  for (glong i = 0; i < folded.n; i++)
    {
      if (masked[i])
        {
          if (i == 0 || !masked[i - 1])
            g_string_append (out, "[…]");
          continue;
        }

      g_string_append_len (out, text + folded.offsets[i], folded.offsets[i + 1] - folded.offsets[i]);
      left += g_unichar_isalnum (folded.chars[i]);
    }

  if (out_letters_left != NULL)
    *out_letters_left = left;

  return g_string_free (out, FALSE);
}
