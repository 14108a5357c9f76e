/* nichiro-card.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nichiro-entry.h"

G_BEGIN_DECLS

/**
 * NichiroCardType:
 * @NICHIRO_CARD_TYPE_DATE: when was X signed, or when did it happen
 * @NICHIRO_CARD_TYPE_PLACE: where
 * @NICHIRO_CARD_TYPE_SIGNATORIES: who signed X for one side
 * @NICHIRO_CARD_TYPE_ARTICLE: which instrument says this (a key article
 *   with the instrument's names hidden)
 * @NICHIRO_CARD_TYPE_ORDER: which of two entries came first
 * @NICHIRO_CARD_TYPE_SUCCESSOR: what replaced or ended X
 *
 * The kinds of self-test card the dataset gives.
 */
typedef enum
{
  NICHIRO_CARD_TYPE_DATE,
  NICHIRO_CARD_TYPE_PLACE,
  NICHIRO_CARD_TYPE_SIGNATORIES,
  NICHIRO_CARD_TYPE_ARTICLE,
  NICHIRO_CARD_TYPE_ORDER,
  NICHIRO_CARD_TYPE_SUCCESSOR,
  NICHIRO_N_CARD_TYPES,
} NichiroCardType;

const char      *nichiro_card_type_to_string       (NichiroCardType     type);
gboolean         nichiro_card_type_from_string     (const char         *text,
                                                    NichiroCardType    *out_type);
const char      *nichiro_card_type_get_label       (NichiroCardType     type);

#define NICHIRO_TYPE_CARD (nichiro_card_get_type ())

G_DECLARE_FINAL_TYPE (NichiroCard, nichiro_card, NICHIRO, CARD, GObject)

const char      *nichiro_card_get_id               (NichiroCard        *self);
NichiroCardType  nichiro_card_get_card_type        (NichiroCard        *self);
const char      *nichiro_card_get_part             (NichiroCard        *self);
NichiroEntry    *nichiro_card_get_entry            (NichiroCard        *self);
GPtrArray       *nichiro_card_get_entries          (NichiroCard        *self);
const char      *nichiro_card_get_prompt           (NichiroCard        *self,
                                                    NichiroLanguage     language);
const char      *nichiro_card_get_answer           (NichiroCard        *self,
                                                    NichiroLanguage     language);
const char      *nichiro_card_get_answer_detail    (NichiroCard        *self,
                                                    NichiroLanguage     language);
guint            nichiro_card_get_n_choices        (NichiroCard        *self);
NichiroEntry    *nichiro_card_get_choice           (NichiroCard        *self,
                                                    guint               index);
gboolean         nichiro_card_is_choice_correct    (NichiroCard        *self,
                                                    guint               index);

G_END_DECLS
