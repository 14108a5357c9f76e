/* nichiro-session.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-dataset.h"
#include "nichiro-results-model.h"
#include "nichiro-search.h"
#include "nichiro-study-store.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_SESSION (nichiro_session_get_type ())

G_DECLARE_FINAL_TYPE (NichiroSession, nichiro_session, NICHIRO, SESSION, GObject)

NichiroSession *nichiro_session_new          (NichiroDataset    *dataset,
                                              NichiroStudyStore *store);
NichiroDataset *nichiro_session_get_dataset  (NichiroSession *self);
const char     *nichiro_session_get_dataset_id (NichiroSession *self);
NichiroStudyStore *nichiro_session_get_store (NichiroSession    *self);
void            nichiro_session_set_store    (NichiroSession    *self,
                                              NichiroStudyStore *store);
NichiroSearch  *nichiro_session_get_search   (NichiroSession *self);
NichiroResultsModel *nichiro_session_get_results (NichiroSession *self);
NichiroEntry   *nichiro_session_get_selected (NichiroSession *self);
void            nichiro_session_set_selected (NichiroSession *self,
                                              NichiroEntry   *entry);
void            nichiro_session_walk_to      (NichiroSession *self,
                                              NichiroEntry   *entry);
gboolean        nichiro_session_select_id    (NichiroSession *self,
                                              const char     *id);
const char     *nichiro_session_get_part     (NichiroSession *self);
gboolean        nichiro_session_set_part     (NichiroSession *self,
                                              const char     *part_id);
gboolean        nichiro_session_can_go_back  (NichiroSession *self);
gboolean        nichiro_session_can_go_forward (NichiroSession *self);
void            nichiro_session_go_back      (NichiroSession *self);
void            nichiro_session_go_forward   (NichiroSession *self);
const char     *nichiro_session_get_query    (NichiroSession *self);
void            nichiro_session_set_query    (NichiroSession *self,
                                              const char     *query);
void            nichiro_session_get_visible_range (NichiroSession *self,
                                                   double         *out_start,
                                                   double         *out_end);
void            nichiro_session_set_visible_range (NichiroSession *self,
                                                   double          start,
                                                   double          end);
gint64          nichiro_session_get_cursor   (NichiroSession *self);
void            nichiro_session_set_cursor   (NichiroSession *self,
                                              gint64          julian_day);
NichiroLanguage nichiro_session_get_title_language (NichiroSession  *self);
void            nichiro_session_set_title_language (NichiroSession  *self,
                                                    NichiroLanguage  language);
const char     *nichiro_session_get_title    (NichiroSession *self,
                                              NichiroEntry   *entry);

gboolean        nichiro_session_follow       (GObject         *view,
                                              GParamSpec      *pspec,
                                              NichiroSession **slot,
                                              GSignalGroup    *handlers,
                                              NichiroSession  *session);

G_END_DECLS
