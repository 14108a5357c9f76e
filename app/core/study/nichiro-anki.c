/* nichiro-anki.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-anki"

#include "config.h"

#include "nichiro-anki.h"
#include "nichiro-error.h"

#include <string.h>

/* The cards as a text file Anki's importer (2.1.55 and later) reads with
 * no questions asked: its headers say the fields are tab-separated plain
 * text (so nothing is taken for HTML), which column is the note's id,
 * which the tags, and the deck. The id is the card's own, so importing a
 * newer export updates the notes instead of adding copies. Columns:
 * id, front (the prompt), back (the answer and what follows it), tags. */

/* Writes @field so that Anki reads it back as it is: fields with a tab, a
 * line break or a double quote go in double quotes, the quotes doubled. */
static void
append_field (GString    *out,
              const char *field)
{
  if (strpbrk (field, "\t\n\r\"") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      if (*p != '\r')
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Headers are single lines: a deck name keeps no tab or line break. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text);

  for (char *p = line; *p != '\0'; p++)
    {
      if (*p == '\t' || *p == '\n' || *p == '\r')
        *p = ' ';
    }

  return g_strstrip (line);
}

/**
 * nichiro_anki_export_text:
 * @cards: (element-type NichiroCard): the cards to export
 * @language: the language of entry titles
 * @deck: the Anki deck to put them in ("::" makes a subdeck)
 * @guid_prefix: what goes before each card id to make the note's id, such
 *   as "nichiro:japan-russia:"
 *
 * Returns: (transfer full): the text file, in UTF-8
 */
char *
nichiro_anki_export_text (GPtrArray       *cards,
                          NichiroLanguage  language,
                          const char      *deck,
                          const char      *guid_prefix)
{
  g_autofree char *deck_line = NULL;
  GString *out;

  g_return_val_if_fail (cards != NULL, NULL);
  g_return_val_if_fail (language < NICHIRO_N_LANGUAGES, NULL);
  g_return_val_if_fail (deck != NULL, NULL);
  g_return_val_if_fail (guid_prefix != NULL, NULL);

  deck_line = one_line (deck);
  out = g_string_new (NULL);
  g_string_append (out, "#separator:tab\n");
  g_string_append (out, "#html:false\n");
  g_string_append (out, "#guid column:1\n");
  g_string_append_printf (out, "#deck:%s\n", deck_line);
  g_string_append (out, "#tags column:4\n");

  for (guint i = 0; i < cards->len; i++)
    {
      NichiroCard *card = g_ptr_array_index (cards, i);
      const char *detail = nichiro_card_get_answer_detail (card, language);
      g_autofree char *guid = g_strconcat (guid_prefix, nichiro_card_get_id (card), NULL);
      g_autofree char *back = NULL;
      g_autofree char *tags = NULL;

      if (detail != NULL)
        back = g_strconcat (nichiro_card_get_answer (card, language), "\n", detail, NULL);
      else
        back = g_strdup (nichiro_card_get_answer (card, language));

      /* Anki tags have no spaces; "::" nests them. */
      tags = g_strdup_printf ("nichiro nichiro::%s nichiro::part::%s nichiro::entry::%s",
                              nichiro_card_type_to_string (nichiro_card_get_card_type (card)),
                              nichiro_card_get_part (card),
                              nichiro_entry_get_id (nichiro_card_get_entry (card)));

      append_field (out, guid);
      g_string_append_c (out, '\t');
      append_field (out, nichiro_card_get_prompt (card, language));
      g_string_append_c (out, '\t');
      append_field (out, back);
      g_string_append_c (out, '\t');
      append_field (out, tags);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/**
 * nichiro_anki_export_file:
 * @cards: (element-type NichiroCard): the cards to export
 * @language: the language of entry titles
 * @deck: the Anki deck
 * @guid_prefix: what goes before each card id
 * @file: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes nichiro_anki_export_text() to @file, replacing it whole or not
 * at all.
 *
 * Returns: whether the file was written
 */
gboolean
nichiro_anki_export_file (GPtrArray        *cards,
                          NichiroLanguage   language,
                          const char       *deck,
                          const char       *guid_prefix,
                          GFile            *file,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = nichiro_anki_export_text (cards, language, deck, guid_prefix);
  if (text == NULL)
    return FALSE;

  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_IO, "%s: %s", name, local_error->message);
      return FALSE;
    }

  return TRUE;
}
