package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.program.application.CallCatalog;
import org.innofund.program.application.CallDetail;
import org.innofund.program.application.CallNotices;
import org.innofund.program.application.CallSummary;
import org.innofund.program.application.NoticeView;
import org.innofund.shared.BusinessException;

import java.util.List;

@Path("calls")
@Tag(name = "calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {

    @EJB
    private CallCatalog catalog;

    @EJB
    private CallNotices notices;

    @GET
    @Operation(summary = "Published calls that have not closed yet (public)")
    public List<CallSummary> currentCalls() {
        return catalog.currentCalls();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A published call with its guide, limits, required attachments and scoring template (public)")
    public CallDetail call(@PathParam("id") long id) {
        return catalog.publishedCall(id);
    }

    @GET
    @Path("{id}/notice")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The official notice (正式通知) of a published call under its file name (public); a draft's only for the bureau")
    public Response notice(@PathParam("id") long id) {
        NoticeView n = notices.notice(id).orElseThrow(() -> BusinessException.notFound("notice.notFound", id));
        return FileAnswers.file(out -> notices.download(id, out), n.type().mediaType(), n.originalName(), n.sizeBytes());
    }
}
