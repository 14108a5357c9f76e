/* test-stem.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nichiro-stem.h"

/* The Russian stemmer on words of the chapter: the case forms of a noun or
 * an adjective meet on one stem. Stems are what Snowball's Russian
 * algorithm gives for these words. */

static const struct
{
  const char *word;
  const char *stem;
} cases[] = {
  /* Nouns in their cases. */
  { "договор", "договор" },
  { "договора", "договор" },
  { "договору", "договор" },
  { "договором", "договор" },
  { "договоре", "договор" },
  { "договоры", "договор" },
  { "договоров", "договор" },
  { "договорами", "договор" },
  { "договорах", "договор" },
  { "пакт", "пакт" },
  { "пакта", "пакт" },
  { "пакте", "пакт" },
  { "нейтралитет", "нейтралитет" },
  { "нейтралитете", "нейтралитет" },
  { "нейтралитета", "нейтралитет" },
  /* The nominative loses "ов" as a plural would: Snowball's own result,
   * which the search bridges by matching a stem as a prefix. */
  { "остров", "остр" },
  { "острова", "остров" },
  { "островов", "остров" },
  { "островах", "остров" },
  { "декларация", "декларац" },
  { "декларации", "декларац" },
  { "декларацию", "декларац" },
  { "декларацией", "декларац" },
  { "конвенция", "конвенц" },
  { "конвенции", "конвенц" },
  /* Adjectives in their cases and genders. */
  { "портсмутский", "портсмутск" },
  { "портсмутского", "портсмутск" },
  { "портсмутскому", "портсмутск" },
  { "портсмутском", "портсмутск" },
  { "курильские", "курильск" },
  { "курильских", "курильск" },
  { "курильским", "курильск" },
  { "курильскими", "курильск" },
  { "мирный", "мирн" },
  { "мирного", "мирн" },
  { "мирным", "мирн" },
  { "советско", "советск" },
  { "японская", "японск" },
  { "японской", "японск" },
  { "японскую", "японск" },
  /* Step 3: a derivational ending in R2. */
  { "независимость", "независим" },
  { "независимости", "независим" },
  /* Step 4: an undoubled н, a superlative, a soft sign. */
  { "военное", "воен" },
  { "важнейшими", "важн" },
  { "сахалинь", "сахалин" },
  /* Gerunds and verbs: the а before a gerund's в stays. */
  { "подписав", "подписа" },
  { "подписавшись", "подписа" },
  { "подписали", "подписа" },
  { "подписано", "подписа" },
  /* Untouched: other scripts, numbers, short words, no vowel. */
  { "portsmouth", "portsmouth" },
  { "1905", "1905" },
  { "на", "на" },
  { "мгм", "мгм" },
  { "ポーツマス", "ポーツマス" },
  { "", "" },
};

static void
test_stems (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stem = nichiro_stem_russian (cases[i].word);

      g_test_message ("%s", cases[i].word);
      g_assert_cmpstr (stem, ==, cases[i].stem);
    }
}

/* A word of any length, however it ends, comes back no longer than it was
 * and still valid UTF-8. */
static void
test_never_grows (void)
{
  static const char *letters = "абвгдежзийклмнопрстуфхцчшщъыьэюя";
  GRand *rand = g_rand_new_with_seed (1905);

  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GString) word = g_string_new (NULL);
      guint length = g_rand_int_range (rand, 1, 80);
      g_autofree char *stem = NULL;

      for (guint j = 0; j < length; j++)
        {
          const char *letter = g_utf8_offset_to_pointer (letters, g_rand_int_range (rand, 0, 32));

          g_string_append_len (word, letter, g_utf8_next_char (letter) - letter);
        }

      stem = nichiro_stem_russian (word->str);
      g_assert_true (g_utf8_validate (stem, -1, NULL));
      g_assert_cmpuint (strlen (stem), <=, word->len);
      g_assert_true (g_str_has_prefix (word->str, stem));
    }

  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nichiro/stem/russian", test_stems);
  g_test_add_func ("/nichiro/stem/never-grows", test_never_grows);

  return g_test_run ();
}
