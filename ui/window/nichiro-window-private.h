/* nichiro-window-private.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-detail-view.h"
#include "nichiro-guide.h"
#include "nichiro-map.h"
#include "nichiro-part-page.h"
#include "nichiro-part-self-test.h"
#include "nichiro-results-view.h"
#include "nichiro-review.h"
#include "nichiro-self-test-button.h"
#include "nichiro-self-test-page.h"
#include "nichiro-study-export.h"
#include "nichiro-timeline.h"
#include "nichiro-window.h"

G_BEGIN_DECLS

/* The window is one type in five files: nichiro-window.c builds it,
 * keeps the sidebar in step with the session and closes it;
 * nichiro-window-actions.c holds what its actions do (search, history,
 * citations); nichiro-window-export.c the notes' export and import;
 * nichiro-window-banners.c shows what stays true about the study file;
 * nichiro-window-timeline.c the timeline's pane (its share of the height,
 * the timeline alone) and its settings. */

typedef enum
{
  NICHIRO_WINDOW_BANNER_READ_ONLY,
  NICHIRO_WINDOW_BANNER_MOVED_ASIDE,
  NICHIRO_WINDOW_BANNER_SAVE_FAILED,
  N_NICHIRO_WINDOW_BANNERS
} NichiroWindowBanner;

struct _NichiroWindow
{
  AdwApplicationWindow parent_instance;

  NichiroSession *session;
  GSignalGroup *session_signals;
  GSettings *settings;
  GtkSingleSelection *entries_selection;   /* filled when "All" is first shown */
  char *title_language;     /* the setting: "follow", "en", "ja" or "ru" */
  GtkWindow *unsaved_dialog;  /* asking about notes that could not be saved */
  GtkWidget *banners[N_NICHIRO_WINDOW_BANNERS];   /* made when first shown */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkBox *banner_box;
  AdwFlap *flap;
  GtkSearchEntry *search_entry;
  GtkMenuButton *search_help_button;
  GtkWidget *sidebar;
  GtkStack *sidebar_stack;
  AdwViewSwitcher *view_switcher;
  AdwViewStack *sidebar_views;
  GtkListView *entry_list;
  NichiroResultsView *results_view;   /* made when first searching */
  GtkLabel *count_label;
  GtkLabel *progress_label;
  NichiroGuide *guide;
  AdwBin *review_bin;
  NichiroReview *review;             /* made when "Marked" is first shown */
  NichiroTimeline *timeline;
  GtkStack *content_stack;
  NichiroDetailView *detail_view;
  NichiroSelfTestButton *self_test_button;
  NichiroSelfTestButton *guide_self_test_button;
  NichiroSelfTestPage *self_test_page;    /* made when first asked for */
  GtkPaned *content_paned;
  gboolean content_paned_placed;
  gboolean content_paned_moved;   /* by the reader, this time */
  double content_paned_share;     /* the timeline's share, as last set */
  NichiroPartPage *part_page;      /* made when a part is first chosen */
  NichiroMap *map;                   /* made when first shown */
  GtkToggleButton *map_button;
  GtkMenuButton *menu_button;
  GMenuModel *primary_menu;          /* its popover made when first opened */
};

void _nichiro_window_class_add_actions (GtkWidgetClass *widget_class);
void _nichiro_window_class_add_export_actions (GtkWidgetClass *widget_class);
void _nichiro_window_export_to         (NichiroWindow       *self,
                                        NichiroExportFormat  format,
                                        GFile               *chosen);
GFile *_nichiro_window_dup_export_folder (NichiroWindow *self);
void _nichiro_window_add_citation_style_action (NichiroWindow *self);
void _nichiro_window_show_toast        (NichiroWindow  *self,
                                        const char     *message);
void _nichiro_window_reveal_sidebar    (NichiroWindow  *self);
void _nichiro_window_ensure_entry_list (NichiroWindow  *self);

/* nichiro-window-self-test.c */
void _nichiro_window_show_self_test    (NichiroWindow  *self);
void _nichiro_window_follow_self_test  (NichiroWindow  *self);
void _nichiro_window_update_banners    (NichiroWindow  *self);

/* nichiro-window-content.c */
void _nichiro_window_class_init_content   (GtkWidgetClass *widget_class);
void _nichiro_window_update_content       (NichiroWindow  *self);
void _nichiro_window_session_part_changed (NichiroWindow  *self);

/* nichiro-window-timeline.c */
void _nichiro_window_class_init_timeline (GtkWidgetClass *widget_class);
void _nichiro_window_init_timeline       (NichiroWindow  *self);
void _nichiro_window_save_timeline       (NichiroWindow  *self);

G_END_DECLS
