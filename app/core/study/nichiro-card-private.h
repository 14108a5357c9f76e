/* nichiro-card-private.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-card.h"
#include "nichiro-card-set.h"

G_BEGIN_DECLS

/* How NichiroCardSet fills in the cards it makes. */

NichiroCard *_nichiro_card_new         (NichiroCardType  type,
                                        char            *id,
                                        NichiroEntry    *entry);
void         _nichiro_card_add_entry   (NichiroCard     *self,
                                        NichiroEntry    *entry);
void         _nichiro_card_take_texts  (NichiroCard     *self,
                                        NichiroLanguage  language,
                                        char            *prompt,
                                        char            *answer,
                                        char            *detail);
void         _nichiro_card_set_choices (NichiroCard     *self,
                                        NichiroEntry    *first,
                                        gboolean         first_correct,
                                        NichiroEntry    *second,
                                        gboolean         second_correct);

/* How NichiroCardSet's cards are made (nichiro-card-build.c) and kept. */

void         _nichiro_card_set_build   (NichiroCardSet  *set,
                                        NichiroDataset  *dataset);
void         _nichiro_card_set_add     (NichiroCardSet  *set,
                                        NichiroCard     *card);

G_END_DECLS
