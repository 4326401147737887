<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>${content.title!""}</title></head>
<body><main><h1>${content.title!""}</h1>
${content.body}
</main></body></html>
