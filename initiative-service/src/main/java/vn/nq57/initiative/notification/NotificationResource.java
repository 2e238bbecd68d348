package vn.nq57.initiative.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.initiative.warning.WarningViews.MailPreferences;
import vn.nq57.initiative.warning.WarningViews.NotificationView;
import vn.nq57.initiative.warning.WarningViews.UnreadCount;
import vn.nq57.platform.http.Params;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.Roles;

@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "The signed-in user's in-app notifications: the warnings of their scope "
        + "with their own read marks")
@RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER})
public class NotificationResource {

    @Inject
    NotificationService service;

    @Inject
    PreferenceService preferences;

    @GET
    @Operation(summary = "My notifications, newest first", description = "Warnings of the last 90 days addressed to "
            + "the caller's agency or those below it (all, for central admins), each with this user's read mark.")
    public Page<NotificationView> list(
            @Parameter(description = "true: only unread ones", example = "true",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("unread") String unread,
            @BeanParam @Valid PageRequest page) {
        return service.list(Boolean.TRUE.equals(Params.bool("unread", unread)), page);
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many of my notifications are unread")
    public UnreadCount unread() {
        return new UnreadCount(service.unread());
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark one notification read", description = "Idempotent; 404 when the warning is unknown "
            + "or outside the caller's scope.")
    @APIResponse(responseCode = "204", description = "Marked read")
    public void read(@Parameter(description = "The warning's id (UUID)",
            example = "9c8b7a6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d") @PathParam("id") UUID id) {
        service.markRead(id);
    }

    @GET
    @Path("/preferences")
    @Operation(summary = "My mail preferences", description = "Defaults: the digest on, Vietnamese.")
    public MailPreferences preferences() {
        return preferences.mine();
    }

    @jakarta.ws.rs.PUT
    @Path("/preferences")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set my mail preferences", description = "The daily digest on or off and the language of "
            + "mails (vi or en); critical warnings and reminders are always sent.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200",
            description = "The preferences now", content = @org.eclipse.microprofile.openapi.annotations.media.Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MailPreferences.class)))
    @vn.nq57.platform.http.IfMatchOptional
    public MailPreferences setPreferences(@jakarta.validation.constraints.NotNull @Valid MailPreferences request) {
        return preferences.update(request);
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Mark all my notifications read", description = "Answers how many were unread before.")
    public UnreadCount readAll() {
        return new UnreadCount(service.markAllRead());
    }
}
