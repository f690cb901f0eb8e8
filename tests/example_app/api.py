from ninja import Router

router = Router(tags=["示例"])


@router.get("/example-items")
def example_items(request):
    return []
