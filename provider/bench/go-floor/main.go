// The Go floor for provider/bench/go-floor.ts: a no-op provider on terraform-plugin-framework (the SDK most Go
// providers use), one resource `floor_thing` with a computed id, every RPC answered at once; the same shape as the
// wire layer's test provider (provider/test/wire/fixtures/fake-provider.ts).
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type p struct{}

func (p) Metadata(_ context.Context, _ provider.MetadataRequest, r *provider.MetadataResponse) {
	r.TypeName = "floor"
}
func (p) Schema(_ context.Context, _ provider.SchemaRequest, r *provider.SchemaResponse) {
	r.Schema = pschema.Schema{}
}
func (p) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {}
func (p) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return thing{} }}
}
func (p) DataSources(context.Context) []func() datasource.DataSource { return nil }

type thing struct{}
type model struct {
	ID types.String `tfsdk:"id"`
}

func (thing) Metadata(_ context.Context, _ resource.MetadataRequest, r *resource.MetadataResponse) {
	r.TypeName = "floor_thing"
}
func (thing) Schema(_ context.Context, _ resource.SchemaRequest, r *resource.SchemaResponse) {
	r.Schema = schema.Schema{Attributes: map[string]schema.Attribute{"id": schema.StringAttribute{Computed: true}}}
}
func (thing) Create(ctx context.Context, req resource.CreateRequest, r *resource.CreateResponse) {
	r.Diagnostics.Append(r.State.Set(ctx, model{ID: types.StringValue("x")})...)
}
func (thing) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}
func (thing) Update(ctx context.Context, req resource.UpdateRequest, r *resource.UpdateResponse) {
	var m model
	r.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	r.Diagnostics.Append(r.State.Set(ctx, m)...)
}
func (thing) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

func main() {
	if err := providerserver.Serve(context.Background(), func() provider.Provider { return p{} }, providerserver.ServeOpts{Address: "registry.opentofu.org/coffer/floor"}); err != nil {
		log.Fatal(err)
	}
}
