/* nichiro-stem.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-stem"

#include "config.h"

#include "nichiro-stem.h"

#include <string.h>

/* A light stemmer for Russian, after the steps of Snowball's Russian
 * algorithm (Martin Porter's, snowballstem.org): it strips the endings of
 * the cases of nouns and adjectives, of participles, verbs and gerunds, so
 * that "Портсмутского договора" and "Портсмутский договор" meet on
 * "портсмутск договор". It works on folded text (lower case, ё as е), a
 * word at a time, in code points.
 *
 * The word is split into regions: RV is what follows the first vowel; R1
 * what follows the first consonant after a vowel; R2 the same again inside
 * R1. Every ending removed must lie wholly in RV (step 3's in R2). */

#define MAX_WORD 64

typedef struct
{
  gunichar chars[MAX_WORD];
  guint len;
  guint rv;      /* start of RV */
  guint r2;      /* start of R2 */
} Word;

/* Endings, each a UTF-8 string; a group marked preceded by а or я needs
 * one of those two letters before the ending (which stays). */
static const char * const perfective_gerund_1[] = { "вшись", "вши", "в", NULL };
static const char * const perfective_gerund_2[] = { "ившись", "ывшись", "ивши", "ывши", "ив", "ыв", NULL };
static const char * const adjective[] = {
  "ими", "ыми", "его", "ого", "ему", "ому",
  "ее", "ие", "ые", "ое", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом",
  "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею", NULL
};
static const char * const participle_1[] = { "ем", "нн", "вш", "ющ", "щ", NULL };
static const char * const participle_2[] = { "ивш", "ывш", "ующ", NULL };
static const char * const reflexive[] = { "ся", "сь", NULL };
static const char * const verb_1[] = {
  "ете", "йте", "ешь", "нно", "ла", "на", "ли", "ем", "ло", "но", "ет", "ют", "ны", "ть", "й", "л", "н", NULL
};
static const char * const verb_2[] = {
  "ейте", "уйте", "ила", "ыла", "ена", "ите", "или", "ыли", "ило", "ыло", "ено", "ует", "уют", "ены", "ить",
  "ыть", "ишь", "ей", "уй", "ил", "ыл", "им", "ым", "ен", "ят", "ит", "ыт", "ую", "ю", NULL
};
static const char * const noun[] = {
  "иями", "ями", "ами", "ией", "иям", "ием", "иях", "ев", "ов", "ие", "ье", "еи", "ии", "ей", "ой", "ий",
  "ям", "ем", "ам", "ом", "ах", "ях", "ию", "ью", "ия", "ья", "а", "е", "и", "й", "о", "у", "ы", "ь", "ю", "я",
  NULL
};
static const char * const superlative[] = { "ейше", "ейш", NULL };
static const char * const derivational[] = { "ость", "ост", NULL };

static gboolean
is_vowel (gunichar c)
{
  switch (c)
    {
    case 0x0430: /* а */
    case 0x0435: /* е */
    case 0x0438: /* и */
    case 0x043e: /* о */
    case 0x0443: /* у */
    case 0x044b: /* ы */
    case 0x044d: /* э */
    case 0x044e: /* ю */
    case 0x044f: /* я */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_cyrillic (gunichar c)
{
  return c >= 0x0430 && c <= 0x044f;
}

/* Whether @word ends with @ending at or after @from; returns its length
 * in code points through @out_len. Every ending is Cyrillic, two bytes a
 * letter in UTF-8; they are compared from the last letter, where most
 * differ, as the index stems every Russian word it meets. */
static gboolean
ends_with (const Word *word,
           const char *ending,
           guint       from,
           guint      *out_len)
{
  guint n = strlen (ending) / 2;

  if (n > word->len || word->len - n < from)
    return FALSE;

  for (guint i = n; i-- > 0;)
    if (word->chars[word->len - n + i] != g_utf8_get_char (ending + 2 * i))
      return FALSE;

  *out_len = n;
  return TRUE;
}

/* The longest ending of @endings that @word has in its region from @from,
 * or 0. With @after_a_or_ya, the ending must follow а or я. */
static guint
longest_ending (const Word         *word,
                const char * const *endings,
                guint               from,
                gboolean            after_a_or_ya)
{
  guint best = 0;

  for (guint i = 0; endings[i] != NULL; i++)
    {
      guint len;

      if (!ends_with (word, endings[i], from, &len) || len <= best)
        continue;

      if (after_a_or_ya)
        {
          guint before = word->len - len;

          if (before <= from || (word->chars[before - 1] != 0x0430 && word->chars[before - 1] != 0x044f))
            continue;
        }

      best = len;
    }

  return best;
}

/* Removes the longest ending of two groups, the first needing а or я
 * before it; returns whether one was removed. */
static gboolean
remove_grouped (Word               *word,
                const char * const *group_1,
                const char * const *group_2)
{
  guint len_1 = longest_ending (word, group_1, word->rv, TRUE);
  guint len_2 = longest_ending (word, group_2, word->rv, FALSE);
  guint len = MAX (len_1, len_2);

  word->len -= len;
  return len > 0;
}

static gboolean
remove_ending (Word               *word,
               const char * const *endings,
               guint               from)
{
  guint len = longest_ending (word, endings, from, FALSE);

  word->len -= len;
  return len > 0;
}

/* An adjective's ending, and a participle's before it. */
static gboolean
remove_adjectival (Word *word)
{
  if (!remove_ending (word, adjective, word->rv))
    return FALSE;

  remove_grouped (word, participle_1, participle_2);
  return TRUE;
}

static void
find_regions (Word *word)
{
  guint i = 0;
  guint r1;

  while (i < word->len && !is_vowel (word->chars[i]))
    i++;
  word->rv = MIN (i + 1, word->len);

  /* R1: after the first consonant that follows a vowel; R2 likewise in R1. */
  for (i = 1; i < word->len && !(is_vowel (word->chars[i - 1]) && !is_vowel (word->chars[i])); i++)
    ;
  r1 = MIN (i + 1, word->len);
  for (i = r1 + 1; i < word->len && !(is_vowel (word->chars[i - 1]) && !is_vowel (word->chars[i])); i++)
    ;
  word->r2 = MIN (i + 1, word->len);
  if (r1 >= word->len)
    word->r2 = word->len;
}

static void
stem (Word *word)
{
  guint len;

  find_regions (word);

  /* Step 1 */
  if (!remove_grouped (word, perfective_gerund_1, perfective_gerund_2))
    {
      remove_ending (word, reflexive, word->rv);
      if (!remove_adjectival (word) &&
          !remove_grouped (word, verb_1, verb_2))
        remove_ending (word, noun, word->rv);
    }

  /* Step 2 */
  if (word->len > word->rv && word->chars[word->len - 1] == 0x0438)
    word->len--;

  /* Step 3 */
  remove_ending (word, derivational, word->r2);

  /* Step 4 */
  if (ends_with (word, "нн", word->rv, &len))
    {
      word->len--;
    }
  else if (remove_ending (word, superlative, word->rv))
    {
      if (ends_with (word, "нн", word->rv, &len))
        word->len--;
    }
  else if (word->len > word->rv && word->chars[word->len - 1] == 0x044c)
    {
      word->len--;
    }
}

/**
 * nichiro_stem_russian:
 * @word: one folded word (lower case, ё written е)
 *
 * Stems @word if it is a Russian word; returns it as it is otherwise (a
 * Latin word, a number, a word of other scripts, or one too long to be a
 * word).
 *
 * Returns: (transfer full): the stem
 */
char *
nichiro_stem_russian (const char *word)
{
  Word w = { 0, };
  GString *out;

  g_return_val_if_fail (word != NULL, NULL);

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_cyrillic (c) || w.len == MAX_WORD)
        return g_strdup (word);
      w.chars[w.len++] = c;
    }

  /* Two letters or fewer are not worth stemming: "на", "о". */
  if (w.len <= 2)
    return g_strdup (word);

  stem (&w);

  out = g_string_sized_new (w.len * 2);
  for (guint i = 0; i < w.len; i++)
    g_string_append_unichar (out, w.chars[i]);

  return g_string_free (out, FALSE);
}

/**
 * nichiro_stem_is_russian:
 * @word: a folded word
 *
 * Returns: whether @word is written in Cyrillic and so is stemmed
 */
gboolean
nichiro_stem_is_russian (const char *word)
{
  g_return_val_if_fail (word != NULL, FALSE);

  if (*word == '\0')
    return FALSE;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_cyrillic (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}
