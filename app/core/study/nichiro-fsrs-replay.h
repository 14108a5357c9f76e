/* nichiro-fsrs-replay.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nichiro-fsrs.h"

G_BEGIN_DECLS

/**
 * NichiroFsrsReplayReview:
 * @card: the card's key as it was written, in JSON (`1` or `"date:x"`)
 * @time: when the review was made (µs since the epoch, UTC)
 * @rating: the grade
 * @line: the line of the file it came from, from 1
 *
 * One review of a replay file.
 */
typedef struct
{
  char *card;
  gint64 time;
  NichiroRating rating;
  guint line;
} NichiroFsrsReplayReview;

typedef struct _NichiroFsrsReplay NichiroFsrsReplay;

/**
 * NichiroFsrsReplayFunc:
 * @review: the review
 * @card: the card after it
 * @user_data: the data passed to nichiro_fsrs_replay_run()
 */
typedef void (*NichiroFsrsReplayFunc) (const NichiroFsrsReplayReview *review,
                                       const NichiroFsrsCard         *card,
                                       gpointer                       user_data);

NichiroFsrsReplay             *nichiro_fsrs_replay_new_from_data (const char                    *text,
                                                                  gsize                          length,
                                                                  const char                    *display_name,
                                                                  GError                       **error);
NichiroFsrsReplay             *nichiro_fsrs_replay_new_from_file (GFile                         *file,
                                                                  GError                       **error);
void                           nichiro_fsrs_replay_free          (NichiroFsrsReplay             *self);
const NichiroFsrsSettings     *nichiro_fsrs_replay_get_settings  (NichiroFsrsReplay             *self);
guint                          nichiro_fsrs_replay_get_n_reviews (NichiroFsrsReplay             *self);
const NichiroFsrsReplayReview *nichiro_fsrs_replay_get_review    (NichiroFsrsReplay             *self,
                                                                  guint                          index);
void                           nichiro_fsrs_replay_run           (NichiroFsrsReplay             *self,
                                                                  NichiroFsrsReplayFunc          func,
                                                                  gpointer                       user_data);
char                          *nichiro_fsrs_replay_format_line   (const NichiroFsrsReplayReview *review,
                                                                  const NichiroFsrsCard         *card);
char                          *nichiro_fsrs_format_time          (gint64                         time);
gboolean                       nichiro_fsrs_parse_time           (const char                    *text,
                                                                  gint64                        *out_time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NichiroFsrsReplay, nichiro_fsrs_replay_free)

G_END_DECLS
