/* nichiro-part-page.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nichiro-session.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_PART_PAGE (nichiro_part_page_get_type ())

G_DECLARE_FINAL_TYPE (NichiroPartPage, nichiro_part_page, NICHIRO, PART_PAGE, GtkWidget)

GtkWidget      *nichiro_part_page_new         (void);
NichiroSession *nichiro_part_page_get_session (NichiroPartPage *self);
void            nichiro_part_page_set_session (NichiroPartPage *self,
                                               NichiroSession  *session);
void            nichiro_part_page_add_section (NichiroPartPage *self,
                                               GtkWidget       *section);

G_END_DECLS
