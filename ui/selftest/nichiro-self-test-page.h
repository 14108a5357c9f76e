/* nichiro-self-test-page.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-session.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_SELF_TEST_PAGE (nichiro_self_test_page_get_type ())

G_DECLARE_FINAL_TYPE (NichiroSelfTestPage, nichiro_self_test_page, NICHIRO, SELF_TEST_PAGE, GtkWidget)

GtkWidget      *nichiro_self_test_page_new          (void);
NichiroSession *nichiro_self_test_page_get_session  (NichiroSelfTestPage *self);
void            nichiro_self_test_page_set_session  (NichiroSelfTestPage *self,
                                                     NichiroSession      *session);
void            nichiro_self_test_page_show_start   (NichiroSelfTestPage *self);
void            nichiro_self_test_page_show_stats   (NichiroSelfTestPage *self);
void            nichiro_self_test_page_resume       (NichiroSelfTestPage *self);
void            nichiro_self_test_page_start        (NichiroSelfTestPage *self);
const char     *nichiro_self_test_page_get_view     (NichiroSelfTestPage *self);
gboolean        nichiro_self_test_page_shows_entry  (NichiroSelfTestPage *self,
                                                     NichiroEntry        *entry);

G_END_DECLS
