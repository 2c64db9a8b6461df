using KhuyenCong.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// Storage unreachable: 503 with Retry-After, never 500 (LocalHost does the same in its failure handler).
builder.UseMiddleware<KhuyenCong.Functions.Http.StorageOutageMiddleware>();
builder.Services.AddKhuyenCongFunctions(builder.Configuration);
builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
builder.Build().Run();
