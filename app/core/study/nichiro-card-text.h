/* nichiro-card-text.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What card generation asks of text: words, scripts, and hiding names.
 * Comparisons fold case, and accents in Latin and Cyrillic. */

typedef enum
{
  NICHIRO_SCRIPT_OTHER,
  NICHIRO_SCRIPT_LATIN,
  NICHIRO_SCRIPT_CYRILLIC,
  NICHIRO_SCRIPT_JAPANESE,
} NichiroScript;

GPtrArray     *nichiro_card_text_split_words      (const char  *text);
gboolean       nichiro_card_text_same_word        (const char  *a,
                                                   const char  *b);
gboolean       nichiro_card_text_is_number        (const char  *word);
gboolean       nichiro_card_text_has_digit        (const char  *text);
NichiroScript  nichiro_card_text_script           (const char  *text);
gboolean       nichiro_card_text_names_share_word (const char  *a,
                                                   const char  *b);
char          *nichiro_card_text_mask             (const char  *text,
                                                   GPtrArray   *needles,
                                                   guint       *out_letters_left);
char          *nichiro_card_text_join             (GPtrArray   *strings,
                                                   const char  *separator);

G_END_DECLS
