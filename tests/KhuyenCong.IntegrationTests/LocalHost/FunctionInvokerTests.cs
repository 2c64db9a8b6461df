using System.Reflection;
using KhuyenCong.Functions.Proposals;
using KhuyenCong.Functions.Workflow;
using KhuyenCong.LocalHost.Functions;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Web.Http;
using KhuyenCong.Web.Requests;

namespace KhuyenCong.IntegrationTests.LocalHost;

public class FunctionInvokerTests
{
    /// <summary>
    /// Two threads reading a method's parameters for the first time can get different <see cref="ParameterInfo"/>
    /// objects for the same parameter (two hosts starting at once did): the trigger must be found by position.
    /// </summary>
    [Fact]
    public void Constructor_TriggerParameterAsAnotherParameterInfoObject_StillBindsTheTrigger()
    {
        var descriptor = FunctionCatalog.Discover(LocalHostApplication.FunctionsAssembly).Single(f => f.Name == nameof(ProposalWorkflow));
        var sameParameter = new ParameterCopy(descriptor.TriggerParameter);

        var invoker = new FunctionInvoker(descriptor with { TriggerParameter = sameParameter });

        Assert.Same(sameParameter, invoker.Descriptor.TriggerParameter);
    }

    private sealed class ParameterCopy : ParameterInfo
    {
        public ParameterCopy(ParameterInfo original)
        {
            ClassImpl = original.ParameterType;
            NameImpl = original.Name;
            PositionImpl = original.Position;
            MemberImpl = original.Member;
            AttrsImpl = original.Attributes;
        }
    }
}
