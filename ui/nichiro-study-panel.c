/* nichiro-study-panel.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-study-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "nichiro-study-panel.h"
#include "nichiro-ui-utils.h"

/* The reader's own marks on the selected entry: studied, bookmarked, a
 * note and where the book deals with it. Every edit goes to the study
 * store at once, keystroke by keystroke; the store writes the file a
 * moment after the last one, so nothing typed waits in the panel when the
 * selection changes or the window closes. Marking or bookmarking says so
 * in a toast that can undo it, in the window's toast overlay. */

struct _NichiroStudyPanel
{
  GtkWidget parent_instance;

  NichiroSession *session;
  GSignalGroup *session_signals;
  GSignalGroup *store_signals;
  GBindingGroup *session_bindings;

  /* The entry the note and page fields belong to. */
  NichiroEntry *entry;

  /* Set while the fields are filled from the store, so that filling them
   * is not taken for the reader typing. */
  guint loading;

  /* The last toast, replaced by the next. */
  AdwToast *toast;

  GtkWidget *content;
  GtkToggleButton *studied_button;
  AdwButtonContent *studied_content;
  GtkToggleButton *bookmark_button;
  AdwButtonContent *bookmark_content;
  GtkScrolledWindow *note_scroller;
  GtkTextView *note_view;
  GtkEntry *page_entry;
  GtkLabel *status_label;
};

G_DEFINE_FINAL_TYPE (NichiroStudyPanel, nichiro_study_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STUDIED,
  PROP_BOOKMARKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static NichiroStudyStore *
get_store (NichiroStudyPanel *self)
{
  return self->session ? nichiro_session_get_store (self->session) : NULL;
}

static const char *
dataset_id (NichiroStudyPanel *self)
{
  return nichiro_session_get_dataset_id (self->session);
}

static gboolean
can_edit (NichiroStudyPanel *self)
{
  NichiroStudyStore *store = get_store (self);

  return self->entry != NULL && store != NULL && !nichiro_study_store_get_read_only (store);
}

static char *
dup_note_text (NichiroStudyPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_note (NichiroStudyPanel *self,
           const char        *note)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  g_autofree char *shown = dup_note_text (self);

  if (g_strcmp0 (shown, note ? note : "") == 0)
    return;

  /* Another entry's note is not something to undo back to. */
  self->loading++;
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, note ? note : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  self->loading--;
}

static void
show_page (NichiroStudyPanel *self,
           const char        *page)
{
  g_autofree char *shown = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->page_entry))));

  /* The store keeps the page without the spaces around it: a space being
   * typed is not a change to show. */
  if (g_strcmp0 (shown, page ? page : "") == 0)
    return;

  self->loading++;
  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), page ? page : "");
  self->loading--;
}

static void
update_status (NichiroStudyPanel *self)
{
  NichiroStudyStore *store = get_store (self);
  const GError *save_error = store ? nichiro_study_store_get_save_error (store) : NULL;
  const char *status = NULL;

  if (store != NULL && nichiro_study_store_get_read_only (store))
    status = _("Your study file is open read-only: nothing here can be changed.");
  else if (save_error != NULL)
    status = save_error->message;

  gtk_label_set_text (self->status_label, status ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
}

static void
update_toggles (NichiroStudyPanel *self)
{
  gboolean studied = nichiro_study_panel_get_studied (self);
  gboolean bookmarked = nichiro_study_panel_get_bookmarked (self);

  adw_button_content_set_label (self->studied_content, studied ? _("_Studied") : _("Mark as _Studied"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->studied_button),
                               studied ? _("Mark as Not Studied (Ctrl+D)") : _("Mark as Studied (Ctrl+D)"));
  adw_button_content_set_label (self->bookmark_content, bookmarked ? _("_Bookmarked") : _("_Bookmark"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->bookmark_button),
                               bookmarked ? _("Remove Bookmark (Ctrl+B)") : _("Bookmark, to find it under Marked (Ctrl+B)"));
}

/* What Undo puts back. The store is not kept alive for it. */
typedef struct
{
  GWeakRef store;
  char *dataset_id;
  char *entry_id;
  gboolean bookmark;       /* or studied */
  gboolean value;          /* what Undo puts back */
} Undo;

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *undo = data;

  g_weak_ref_clear (&undo->store);
  g_free (undo->dataset_id);
  g_free (undo->entry_id);
  g_free (undo);
}

static void
undo_cb (AdwToast *toast,
         Undo     *undo)
{
  g_autoptr(NichiroStudyStore) store = g_weak_ref_get (&undo->store);

  if (store == NULL)
    return;

  if (undo->bookmark)
    nichiro_study_store_set_bookmarked (store, undo->dataset_id, undo->entry_id, undo->value, NULL);
  else
    nichiro_study_store_set_studied (store, undo->dataset_id, undo->entry_id, undo->value, NULL);
}

/* Says what was just marked, with Undo: the mark itself is a small
 * change on the page, easy to miss. */
static void
show_toast (NichiroStudyPanel *self,
            gboolean           bookmark,
            gboolean           value)
{
  const char *title = nichiro_session_get_title (self->session, self->entry);
  g_autofree char *message = NULL;
  Undo *undo = g_new0 (Undo, 1);
  AdwToast *toast;

  if (bookmark)
    message = value ? g_strdup_printf (_("“%s” bookmarked, listed under Marked"), title)
                    : g_strdup_printf (_("Bookmark on “%s” removed"), title);
  else
    message = value ? g_strdup_printf (_("“%s” marked as studied"), title)
                    : g_strdup_printf (_("“%s” no longer marked as studied"), title);

  g_weak_ref_init (&undo->store, get_store (self));
  undo->dataset_id = g_strdup (dataset_id (self));
  undo->entry_id = g_strdup (nichiro_entry_get_id (self->entry));
  undo->bookmark = bookmark;
  undo->value = !value;

  toast = nichiro_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 5);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_cb), undo, undo_free, 0);

  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_set_weak_pointer (&self->toast, toast);
  nichiro_widget_add_toast (GTK_WIDGET (self), toast);
}

/* Shows what the store holds for the entry. */
static void
update (NichiroStudyPanel *self)
{
  NichiroStudyStore *store = get_store (self);
  gboolean editable = can_edit (self);
  const char *note = NULL;
  const char *page = NULL;

  if (self->entry != NULL && store != NULL)
    {
      note = nichiro_study_store_get_note (store, dataset_id (self), nichiro_entry_get_id (self->entry));
      page = nichiro_study_store_get_page (store, dataset_id (self), nichiro_entry_get_id (self->entry));
    }

  show_note (self, note);
  show_page (self, page);

  gtk_widget_set_sensitive (self->content, self->entry != NULL && store != NULL);
  /* The cursor stays visible, even where nothing can be written: GTK 4.8
   * can keep a note's cursor blinking after the note has lost the focus,
   * and aborts if a blinking cursor is then hidden. Without the note
   * being editable the cursor does not blink, and it is there to read
   * by. */
  gtk_text_view_set_editable (self->note_view, editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->page_entry), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.toggle-studied", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.toggle-bookmark", editable);

  update_toggles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STUDIED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOKMARKED]);
  update_status (self);
}

static void
selected_changed_cb (NichiroStudyPanel *self)
{
  NichiroEntry *entry = self->session ? nichiro_session_get_selected (self->session) : NULL;

  /* Nothing is pending: every keystroke is already in the store. */
  g_set_object (&self->entry, entry);
  update (self);
}

static void
study_changed_cb (NichiroStudyPanel *self,
                  const char        *entry_id)
{
  if (self->entry == NULL ||
      (entry_id != NULL && g_strcmp0 (entry_id, nichiro_entry_get_id (self->entry)) != 0))
    return;

  /* Our own edits find the fields as they are; an import changes them. */
  update (self);
}

static void
note_changed_cb (NichiroStudyPanel *self,
                 GtkTextBuffer     *buffer)
{
  g_autofree char *text = NULL;

  if (self->loading > 0 || !can_edit (self))
    return;

  text = dup_note_text (self);
  nichiro_study_store_set_note (get_store (self), dataset_id (self), nichiro_entry_get_id (self->entry), text, NULL);
}

static void
page_changed_cb (NichiroStudyPanel *self,
                 GtkEditable       *editable)
{
  g_autofree char *page = NULL;

  if (self->loading > 0 || !can_edit (self))
    return;

  page = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  nichiro_study_store_set_page (get_store (self), dataset_id (self), nichiro_entry_get_id (self->entry), page, NULL);
}

/* The note scrolls itself only when it is longer than its card can show;
 * until then it does not take the wheel, which scrolls the page around
 * it. The card grows with the note up to that height. */
#define NOTE_MAX_HEIGHT 320

static void
update_note_scrolling (NichiroStudyPanel *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->note_view));
  int natural = 0;
  GtkPolicyType policy;

  if (width <= 0)
    return;

  gtk_widget_measure (GTK_WIDGET (self->note_view), GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  policy = natural > NOTE_MAX_HEIGHT ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER;
  gtk_scrolled_window_set_policy (self->note_scroller, GTK_POLICY_NEVER, policy);
}

static void
nichiro_study_panel_dispose (GObject *object)
{
  NichiroStudyPanel *self = (NichiroStudyPanel *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_STUDY_PANEL);

  g_clear_weak_pointer (&self->toast);
  g_clear_object (&self->entry);
  g_clear_object (&self->session_bindings);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (nichiro_study_panel_parent_class)->dispose (object);
}

static void
nichiro_study_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  NichiroStudyPanel *self = NICHIRO_STUDY_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_STUDIED:
      g_value_set_boolean (value, nichiro_study_panel_get_studied (self));
      break;

    case PROP_BOOKMARKED:
      g_value_set_boolean (value, nichiro_study_panel_get_bookmarked (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_study_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  NichiroStudyPanel *self = NICHIRO_STUDY_PANEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nichiro_study_panel_set_session (self, g_value_get_object (value));
      break;

    case PROP_STUDIED:
      nichiro_study_panel_set_studied (self, g_value_get_boolean (value));
      break;

    case PROP_BOOKMARKED:
      nichiro_study_panel_set_bookmarked (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_study_panel_class_init (NichiroStudyPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_study_panel_dispose;
  object_class->get_property = nichiro_study_panel_get_property;
  object_class->set_property = nichiro_study_panel_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         NICHIRO_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroStudyPanel:studied:
   *
   * Whether the selected entry is marked studied; the state of the
   * `study.toggle-studied` action.
   */
  properties[PROP_STUDIED] =
    g_param_spec_boolean ("studied", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BOOKMARKED] =
    g_param_spec_boolean ("bookmarked", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-study-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroStudyPanel, content);
  gtk_widget_class_bind_template_child (widget_class, NichiroStudyPanel, studied_button);
  gtk_widget_class_bind_template_child (widget_class, NichiroStudyPanel, studied_content);
  gtk_widget_class_bind_template_child (widget_class, NichiroStudyPanel, bookmark_button);
  gtk_widget_class_bind_template_child (widget_class, NichiroStudyPanel, bookmark_content);
  gtk_widget_class_bind_template_child (widget_class, NichiroStudyPanel, note_scroller);
  gtk_widget_class_bind_template_child (widget_class, NichiroStudyPanel, note_view);
  gtk_widget_class_bind_template_child (widget_class, NichiroStudyPanel, page_entry);
  gtk_widget_class_bind_template_child (widget_class, NichiroStudyPanel, status_label);

  /* Stateful: the toggle buttons show the state, and activating the
   * action with no parameter flips it. */
  gtk_widget_class_install_property_action (widget_class, "study.toggle-studied", "studied");
  gtk_widget_class_install_property_action (widget_class, "study.toggle-bookmark", "bookmarked");

  gtk_widget_class_set_css_name (widget_class, "nichiro-study-panel");
}

static void
nichiro_study_panel_init (NichiroStudyPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_signals = g_signal_group_new (NICHIRO_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::selected",
                                 G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "study-changed",
                                 G_CALLBACK (study_changed_cb), self, G_CONNECT_SWAPPED);

  /* The save status follows whichever store the session has. */
  self->store_signals = g_signal_group_new (NICHIRO_TYPE_STUDY_STORE);
  g_signal_group_connect_object (self->store_signals, "notify::save-error",
                                 G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  self->session_bindings = g_binding_group_new ();
  g_binding_group_bind (self->session_bindings, "store", self->store_signals, "target", G_BINDING_SYNC_CREATE);

  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (note_changed_cb), self, G_CONNECT_SWAPPED);
  /* The view's height for its width, when the text or the width changes. */
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->note_scroller), "changed",
                           G_CALLBACK (update_note_scrolling), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page_entry, "changed",
                           G_CALLBACK (page_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);
}

GtkWidget *
nichiro_study_panel_new (void)
{
  return g_object_new (NICHIRO_TYPE_STUDY_PANEL, NULL);
}

/**
 * nichiro_study_panel_get_session:
 * @self: a panel
 *
 * Returns: (transfer none) (nullable): the session whose selection is shown
 */
NichiroSession *
nichiro_study_panel_get_session (NichiroStudyPanel *self)
{
  g_return_val_if_fail (NICHIRO_IS_STUDY_PANEL (self), NULL);

  return self->session;
}

void
nichiro_study_panel_set_session (NichiroStudyPanel *self,
                                 NichiroSession    *session)
{
  g_return_if_fail (NICHIRO_IS_STUDY_PANEL (self));

  if (nichiro_session_follow (G_OBJECT (self), properties[PROP_SESSION], &self->session, self->session_signals, session))
    {
      g_binding_group_set_source (self->session_bindings, session);
      selected_changed_cb (self);
    }
}

gboolean
nichiro_study_panel_get_studied (NichiroStudyPanel *self)
{
  g_return_val_if_fail (NICHIRO_IS_STUDY_PANEL (self), FALSE);

  if (self->entry == NULL || get_store (self) == NULL)
    return FALSE;

  return nichiro_study_store_get_studied (get_store (self), dataset_id (self), nichiro_entry_get_id (self->entry));
}

/**
 * nichiro_study_panel_set_studied:
 * @self: a panel
 * @studied: whether the selected entry is studied
 *
 * Marks the selected entry in the store and says so in a toast with Undo;
 * does nothing if no entry is selected or the store is read-only.
 */
void
nichiro_study_panel_set_studied (NichiroStudyPanel *self,
                                 gboolean           studied)
{
  g_return_if_fail (NICHIRO_IS_STUDY_PANEL (self));

  /* The store's "changed" signal notifies the property. */
  if (can_edit (self) && nichiro_study_panel_get_studied (self) != !!studied &&
      nichiro_study_store_set_studied (get_store (self), dataset_id (self), nichiro_entry_get_id (self->entry),
                                       studied, NULL))
    show_toast (self, FALSE, studied);
}

gboolean
nichiro_study_panel_get_bookmarked (NichiroStudyPanel *self)
{
  g_return_val_if_fail (NICHIRO_IS_STUDY_PANEL (self), FALSE);

  if (self->entry == NULL || get_store (self) == NULL)
    return FALSE;

  return nichiro_study_store_get_bookmarked (get_store (self), dataset_id (self), nichiro_entry_get_id (self->entry));
}

void
nichiro_study_panel_set_bookmarked (NichiroStudyPanel *self,
                                    gboolean           bookmarked)
{
  g_return_if_fail (NICHIRO_IS_STUDY_PANEL (self));

  if (can_edit (self) && nichiro_study_panel_get_bookmarked (self) != !!bookmarked &&
      nichiro_study_store_set_bookmarked (get_store (self), dataset_id (self), nichiro_entry_get_id (self->entry),
                                          bookmarked, NULL))
    show_toast (self, TRUE, bookmarked);
}
