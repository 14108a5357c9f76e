/* nichiro-entry-language.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-entry"

#include "config.h"

#include "nichiro-entry-private.h"

/* The dataset's three languages: their codes, the one the interface is
 * shown in, the one the title-language setting picks, and a name given in
 * all three. */

/* Indexed by NichiroLanguage: the ISO 639-1 codes, as in the dataset. */
static const char * const languages[] = { "en", "ja", "ru" };
G_STATIC_ASSERT (G_N_ELEMENTS (languages) == NICHIRO_N_LANGUAGES);

G_DEFINE_ENUM_TYPE (NichiroLanguage, nichiro_language,
  G_DEFINE_ENUM_VALUE (NICHIRO_LANGUAGE_EN, "en"),
  G_DEFINE_ENUM_VALUE (NICHIRO_LANGUAGE_JA, "ja"),
  G_DEFINE_ENUM_VALUE (NICHIRO_LANGUAGE_RU, "ru"))

const char *
nichiro_language_to_string (NichiroLanguage language)
{
  g_return_val_if_fail (language < NICHIRO_N_LANGUAGES, NULL);

  return languages[language];
}

gboolean
nichiro_language_from_string (const char      *text,
                              NichiroLanguage *out_language)
{
  g_return_val_if_fail (out_language != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (languages); i++)
    {
      if (g_str_equal (text, languages[i]))
        {
          *out_language = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * nichiro_language_from_locale:
 * @language_names: (array zero-terminated=1): locale names in order of
 *   preference, as g_get_language_names() gives them
 *
 * Picks the language the user interface is shown in: the first of
 * @language_names that is English, Japanese or Russian. A locale without a
 * translation (German, say) is passed over, as gettext passes over it; "C"
 * and "POSIX" are English, and so is a list with none of the three.
 *
 * Returns: the language
 */
NichiroLanguage
nichiro_language_from_locale (const char * const *language_names)
{
  for (guint i = 0; language_names != NULL && language_names[i] != NULL; i++)
    {
      const char *name = language_names[i];
      g_autofree char *code = g_strndup (name, strcspn (name, "_.@"));
      NichiroLanguage language;

      if (g_str_equal (name, "C") || g_str_equal (name, "POSIX"))
        return NICHIRO_LANGUAGE_EN;
      if (nichiro_language_from_string (code, &language))
        return language;
    }

  return NICHIRO_LANGUAGE_EN;
}

/**
 * nichiro_language_from_setting:
 * @value: (nullable): a value of the title-language setting: "follow",
 *   "en", "ja" or "ru"
 *
 * Returns: the language @value names; for "follow" (or anything else) the
 *   user interface's language, see nichiro_language_from_locale()
 */
NichiroLanguage
nichiro_language_from_setting (const char *value)
{
  NichiroLanguage language;

  if (nichiro_language_from_string (value, &language))
    return language;

  return nichiro_language_get_interface ();
}

/**
 * nichiro_language_get_interface:
 *
 * The language the user interface is shown in, which names of states,
 * people, parts, threads, eras and places follow wherever the interface
 * shows them (entry titles follow the title-language setting).
 *
 * Returns: the language, see nichiro_language_from_locale()
 */
NichiroLanguage
nichiro_language_get_interface (void)
{
  return nichiro_language_from_locale ((const char * const *) g_get_language_names ());
}

/**
 * nichiro_language_get_mapping:
 * @value: (out caller-allocates): a #GValue of type #NICHIRO_TYPE_LANGUAGE
 * @variant: the setting: "follow", "en", "ja" or "ru"
 * @user_data: unused
 *
 * A #GSettingsBindGetMapping for the title-language key: "follow" becomes
 * the user interface's language (nichiro_language_from_setting()).
 *
 * Returns: %TRUE
 */
gboolean
nichiro_language_get_mapping (GValue   *value,
                              GVariant *variant,
                              gpointer  user_data)
{
  g_value_set_enum (value, nichiro_language_from_setting (g_variant_get_string (variant, NULL)));
  return TRUE;
}

/**
 * nichiro_names_get:
 * @names: a name in three languages
 * @language: the language wanted
 *
 * Returns: the name in @language, or in English when the dataset does
 *   not give it in @language
 */
const char *
nichiro_names_get (const NichiroNames *names,
                   NichiroLanguage     language)
{
  const char *name = NULL;

  g_return_val_if_fail (names != NULL, NULL);

  if (language == NICHIRO_LANGUAGE_JA)
    name = names->ja;
  else if (language == NICHIRO_LANGUAGE_RU)
    name = names->ru;

  return name != NULL && *name != '\0' ? name : names->en;
}

void
nichiro_names_clear (NichiroNames *names)
{
  g_clear_pointer (&names->en, g_free);
  g_clear_pointer (&names->ja, g_free);
  g_clear_pointer (&names->ru, g_free);
}
