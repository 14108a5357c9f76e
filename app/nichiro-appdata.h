/* nichiro-appdata.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The AppStream metainfo as installed (merged with the translations),
 * compiled into the program's GResource. */
#define NICHIRO_APPDATA_RESOURCE "/io/github/nichiro/Nichiro/metainfo.xml"

#define NICHIRO_TYPE_APPDATA (nichiro_appdata_get_type ())

G_DECLARE_FINAL_TYPE (NichiroAppdata, nichiro_appdata, NICHIRO, APPDATA, GObject)

NichiroAppdata *nichiro_appdata_new_from_data      (const char         *text,
                                                    gssize              length,
                                                    const char         *display_name,
                                                    const char * const *languages,
                                                    GError            **error);
NichiroAppdata *nichiro_appdata_new_from_resource  (const char         *resource_path,
                                                    const char * const *languages,
                                                    GError            **error);

const char     *nichiro_appdata_get_id              (NichiroAppdata     *self);
const char     *nichiro_appdata_get_name            (NichiroAppdata     *self);
const char     *nichiro_appdata_get_summary         (NichiroAppdata     *self);
const char     *nichiro_appdata_get_developer_name  (NichiroAppdata     *self);
const char     *nichiro_appdata_get_project_license (NichiroAppdata     *self);
const char     *nichiro_appdata_get_homepage        (NichiroAppdata     *self);
const char     *nichiro_appdata_get_bugtracker      (NichiroAppdata     *self);
const char     *nichiro_appdata_get_release_version (NichiroAppdata     *self);
const char     *nichiro_appdata_get_release_notes   (NichiroAppdata     *self);

G_END_DECLS
